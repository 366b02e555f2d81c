package kr.chamyeo.gateway;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Token buckets per caller and route class; each class refills {@code capacity} tokens every {@code period}. */
@ConfigMapping(prefix = "chamyeo.gateway.rate-limits")
public interface RateLimitConfig {

    Limit votes();

    Limit writes();

    Limit reads();

    /**
     * How many trusted proxies in front of the gateway append the address they see to {@code X-Forwarded-For}: the
     * client is the entry this many from the right (1 behind one ingress controller). 0 counts the peer address.
     */
    @WithDefault("0")
    int forwardedForHops();

    /**
     * Most anonymous callers (client addresses) remembered at once; beyond it the least recently seen are forgotten,
     * so a flood of addresses costs a bounded heap rather than the gateway.
     */
    @WithDefault("100000")
    long anonymousCallers();

    interface Limit {
        long capacity();

        Duration period();
    }
}
