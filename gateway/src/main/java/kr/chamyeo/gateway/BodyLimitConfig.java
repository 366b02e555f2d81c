package kr.chamyeo.gateway;

import java.util.List;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Request body limits per route. Quarkus' own {@code quarkus.http.limits.max-body-size} is the largest any route takes
 * (real Pabulib files reach tens of MB); every other route keeps {@link #standard()}.
 */
@ConfigMapping(prefix = "chamyeo.gateway.body-limits")
public interface BodyLimitConfig {

    /** The limit of every route not listed in {@link #largePaths()}. */
    @WithDefault("1M")
    MemorySize standard();

    /**
     * Path prefixes that take bodies up to Quarkus' max-body-size, a {@code *} segment matching any one segment: uploads
     * of whole elections, and the trustees' shuffles and decryption shares of a whole ballot box.
     */
    @WithDefault("/api/v1/budget/simulations,/api/v1/voting/ballots/*/counting/")
    List<String> largePaths();

    /**
     * The extra limit on anonymous callers (per client address) of the large routes, on top of the write limit: one
     * such request may compute for seconds.
     */
    RateLimitConfig.Limit anonymousLarge();
}
