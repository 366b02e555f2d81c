package kr.chamyeo.gateway;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-route body limits and the separate rate limit of anonymous uploads. Quarkus allows every route the largest body
 * (a simulation of a real election); here every route outside {@link BodyLimitConfig#largePaths()} is held to the
 * standard limit by its declared Content-Length, as Quarkus' own check does, and an anonymous caller of a large route
 * also draws from a small bucket of its own per client address: such a request may cost seconds of CPU upstream.
 */
@Singleton
public class BodyLimits {

    @Inject
    BodyLimitConfig config;

    @Inject
    RateLimitConfig rateLimits;

    private final Cache<String, Bucket> anonymous = Caffeine.newBuilder().executor(Runnable::run)
            .expireAfterAccess(Duration.ofMinutes(15)).maximumSize(100_000).build();

    void routes(@Observes Router router) {
        // After CallerGuard's measuring handler (-30), so a refusal is logged like any answer; before its guard (-20).
        router.route("/api/*").order(-25).handler(this::limitBody);
        // After the guard, which has verified any token: only callers without one use this bucket.
        router.route("/api/*").order(-15).handler(this::limitAnonymousUploads);
    }

    boolean large(String path) {
        return config.largePaths().stream().anyMatch(path::startsWith);
    }

    private void limitBody(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long standard = config.standard().asLongValue();
        if (length != null && !large(rc.request().path()) && declared(length) > standard) {
            reject(rc, 413, "payload-too-large", "Payload too large", "Request body is larger than " + standard
                    + " bytes (only " + config.largePaths() + " take more)");
            return;
        }
        rc.next();
    }

    private void limitAnonymousUploads(RoutingContext rc) {
        if (rc.request().getHeader("Authorization") != null || !large(rc.request().path())) {
            rc.next();
            return;
        }
        String address = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
        if (rateLimits.trustForwardedFor() && rc.request().getHeader("X-Forwarded-For") != null) {
            address = rc.request().getHeader("X-Forwarded-For").split(",")[0].trim();
        }
        RateLimitConfig.Limit limit = config.anonymousLarge();
        Bucket bucket = anonymous.get(address, key -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            rc.response().putHeader("Retry-After", String.valueOf(retryAfter));
            reject(rc, 429, "rate-limited", "Too many requests", "Anonymous uploads to " + rc.request().path()
                    + " are limited to " + limit.capacity() + " per " + limit.period() + "; retry after " + retryAfter + " s");
            return;
        }
        rc.next();
    }

    /** The declared length; unreadable counts as too large. */
    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void reject(RoutingContext rc, int status, String slug, String title, String detail) {
        rc.response().setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(Problems.json(status, slug, title, detail, rc.request().path()));
    }
}
