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

    /** Use the first X-Forwarded-For address as the client IP (only behind a trusted ingress). */
    @WithDefault("false")
    boolean trustForwardedFor();

    interface Limit {
        long capacity();

        Duration period();
    }
}
