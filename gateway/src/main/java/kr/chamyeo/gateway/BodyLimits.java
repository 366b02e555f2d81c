package kr.chamyeo.gateway;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Per-route body limits and the separate rate limit of anonymous uploads. Quarkus allows every route the largest body
 * (a simulation of a real election); here every route outside {@link BodyLimitConfig#largePaths()} is held to the
 * standard limit — at once by a declared Content-Length, and by the bytes actually received for a body without one
 * (chunked, or HTTP/2 without a length), which {@link ServiceProxy} counts while forwarding: checking the header alone
 * let such bodies through unlimited. An anonymous caller of a large route also draws from a small bucket of its own
 * per client address: such a request may cost seconds of CPU upstream.
 */
@Singleton
public class BodyLimits {

    /** Request data: the most body bytes this request may have ({@link #limitOf}). */
    private static final String LIMIT = "chamyeo.body-limit";

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

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

    /** Whether the normalised path is a large route: the raw one would let {@code simulations/../cycles} take 64 MB. */
    boolean large(RoutingContext rc) {
        String path = RoutePath.of(rc);
        return config.largePaths().stream().anyMatch(prefix -> startsWith(path, prefix));
    }

    /** Whether the path begins with the prefix, where a {@code *} segment of the prefix stands for any one segment. */
    static boolean startsWith(String path, String prefix) {
        String[] want = prefix.split("/", -1);
        String[] have = path.split("/", -1);
        if (have.length < want.length) {
            return false;
        }
        for (int i = 0; i < want.length; i++) {
            boolean last = i == want.length - 1;
            if (want[i].equals("*") ? have[i].isEmpty() : last ? !have[i].startsWith(want[i]) : !have[i].equals(want[i])) {
                return false;
            }
        }
        return true;
    }

    /** The most body bytes a request that passed {@link #limitBody} may send. */
    static long limitOf(RoutingContext rc) {
        return rc.<Long>get(LIMIT);
    }

    /** The answer to a body past {@code limit}. */
    static void tooLarge(RoutingContext rc, long limit) {
        reject(rc, 413, "payload-too-large", "Payload too large", "Request body is larger than " + limit + " bytes");
    }

    private void limitBody(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        long limit = large(rc) ? maxBody.asLongValue() : config.standard().asLongValue();
        if (length != null && declared(length) > limit) {
            reject(rc, 413, "payload-too-large", "Payload too large", "Request body is larger than " + limit
                    + " bytes (only " + config.largePaths() + " take more)");
            return;
        }
        rc.put(LIMIT, limit);
        rc.next();
    }

    private void limitAnonymousUploads(RoutingContext rc) {
        if (rc.request().getHeader("Authorization") != null || !large(rc)) {
            rc.next();
            return;
        }
        String address = ClientAddress.of(rc, rateLimits.forwardedForHops());
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
