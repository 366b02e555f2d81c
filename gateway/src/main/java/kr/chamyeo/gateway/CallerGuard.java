package kr.chamyeo.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Front-door checks on every API call before it is forwarded: body size, bearer token (the services verify it
 * again themselves), a rate limit per caller and route class (Bucket4j), and one access-log line per request
 * that names the caller only by role, district and a short hash — never the token or personal data.
 */
@Singleton
public class CallerGuard {

    private static final Logger ACCESS = Logger.getLogger(AccessLog.CATEGORY);
    private static final Logger LOG = Logger.getLogger(CallerGuard.class);
    static final String CALLER = "chamyeo.caller";
    // One digest per event loop: looking the algorithm up for every request was a tenth of the guard's time.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    enum RouteClass { VOTES, WRITES, READS }

    @Inject
    JWTParser parser;

    @Inject
    RateLimitConfig limits;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    // Upkeep on the calling event loop, not handed to the common pool for every few requests.
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .executor(Runnable::run)
            .expireAfterAccess(Duration.ofMinutes(15))
            .maximumSize(1_000_000)
            .build();

    void routes(@Observes Router router) {
        router.route("/api/*").order(-30).handler(this::measure);
        // On the event loop, as Quarkus' own bearer authentication: a token seen before is found in the
        // verified-token cache (platform-jwt), and a new one costs one RS256 check, shorter than a worker hand-off.
        router.route("/api/*").order(-20).handler(this::guard);
        router.route("/api/*").failureHandler(rc -> {
            LOG.errorf(rc.failure(), "Gateway failure on %s", rc.request().path());
            if (!rc.response().ended()) {
                reject(rc, 500, "internal", "Internal error", "The gateway could not handle the request");
            }
        });
    }

    private void measure(RoutingContext rc) {
        long start = System.nanoTime();
        // Plain concatenation: printf-style formatting of this line cost as much as the token check.
        rc.addBodyEndHandler(ignored -> ACCESS.info("request_id=" + rc.response().headers().get(ServiceProxy.REQUEST_ID)
                + " caller=" + rc.<String>get(CALLER, "anonymous") + " method=" + rc.request().method()
                + " route=" + rc.request().path() + " status=" + rc.response().getStatusCode()
                + " latency_ms=" + (System.nanoTime() - start) / 100_000 / 10.0));
        String length = rc.request().getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            reject(rc, 413, "payload-too-large", "Payload too large", "Request body is larger than " + maxBody.asLongValue() + " bytes");
            return;
        }
        rc.next();
    }

    private void guard(RoutingContext rc) {
        String key;
        String authorization = rc.request().getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                reject(rc, 401, "unauthorized", "Unauthorized", "Authorization must be a Bearer token");
                return;
            }
            JsonWebToken jwt;
            try {
                jwt = parser.parse(authorization.substring(7).trim());
            } catch (ParseException e) {
                reject(rc, 401, "unauthorized", "Unauthorized", "The bearer token is invalid, expired or from an untrusted issuer");
                return;
            }
            key = "sub:" + jwt.getSubject();
            Object district = jwt.getClaim("district");
            rc.put(CALLER, String.join(",", jwt.getGroups()) + "@" + (district == null ? "-" : district) + "#" + shortHash(jwt.getSubject()));
        } else {
            key = "ip:" + clientAddress(rc);
        }
        RouteClass routeClass = classify(rc);
        ConsumptionProbe probe = buckets.get(routeClass + "|" + key, k -> newBucket(routeClass)).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            rc.response().putHeader("Retry-After", String.valueOf(retryAfter));
            reject(rc, 429, "rate-limited", "Too many requests",
                    "Rate limit for " + routeClass.name().toLowerCase() + " exceeded; retry after " + retryAfter + " s");
            return;
        }
        rc.next();
    }

    static RouteClass classify(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return RouteClass.READS;
        }
        return rc.request().path().endsWith("/votes") ? RouteClass.VOTES : RouteClass.WRITES;
    }

    private Bucket newBucket(RouteClass routeClass) {
        RateLimitConfig.Limit limit = switch (routeClass) {
            case VOTES -> limits.votes();
            case WRITES -> limits.writes();
            case READS -> limits.reads();
        };
        return Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build())
                .build();
    }

    private String clientAddress(RoutingContext rc) {
        if (limits.trustForwardedFor()) {
            String forwarded = rc.request().getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].trim();
            }
        }
        return rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().hostAddress();
    }

    private boolean tooLarge(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBody.asLongValue();
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static void reject(RoutingContext rc, int status, String slug, String title, String detail) {
        if (status == 401) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
        }
        rc.response().setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(Problems.json(status, slug, title, detail, rc.request().path()));
    }

    private static String shortHash(String subject) {
        byte[] digest = SHA_256.get().digest(String.valueOf(subject).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 5);
    }
}
