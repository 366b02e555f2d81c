package kr.chamyeo.gateway;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
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
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import kr.chamyeo.platform.jwt.CachingJwtParser;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Front-door checks on every API call before it is forwarded: body size, bearer token (the services verify it
 * again themselves), a rate limit per caller and route class (Bucket4j), and one access-log line per request
 * that names the caller only by role, district and a short keyed hash ({@link CallerTags}) — never the token or
 * personal data. Requests that cast or check a vote are logged without the hash: whoever runs the gateway holds the
 * key, and the threat model of secret ballots (voting-service/README.md) includes them, so a tag there would still
 * tell the operator who voted when. Receipt and tracker codes never reach the log ({@link LoggedPaths}).
 */
@Singleton
public class CallerGuard {

    private static final Logger ACCESS = Logger.getLogger(AccessLog.CATEGORY);
    private static final Logger LOG = Logger.getLogger(CallerGuard.class);
    static final String CALLER = "chamyeo.caller";

    enum RouteClass { VOTES, WRITES, READS }

    @Inject
    CachingJwtParser parser;

    @Inject
    RateLimitConfig limits;

    @Inject
    RouteTimers timers;

    @Inject
    GatewayConfig config;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize maxBody;

    private Cache<String, Bucket> buckets;
    /** Buckets of callers without a token, by client address: kept apart and bounded, anyone can make new ones. */
    private Cache<String, Bucket> anonymous;
    private CallerTags tags;

    @PostConstruct
    void init() {
        tags = new CallerTags(config.logSecret());
        buckets = Caffeine.newBuilder()
                // Upkeep on the calling event loop, not handed to the common pool for every few requests.
                .executor(Runnable::run)
                // A caller's buckets are looked up here only when one of their tokens is verified, at most one
                // verified-token lifetime apart; kept 15 minutes past that, a bucket in use is never dropped.
                .expireAfterAccess(Duration.ofMinutes(15).plus(parser.maxAge()))
                .maximumSize(1_000_000)
                .build();
        anonymous = Caffeine.newBuilder().executor(Runnable::run)
                .expireAfterAccess(Duration.ofMinutes(15))
                .maximumSize(limits.anonymousCallers())
                .build();
    }

    void routes(@Observes Router router) {
        router.route("/api/*").order(-30).handler(this::measure);
        // On the event loop, as Quarkus' own bearer authentication: a token seen before is found in the
        // verified-token cache (platform-jwt), and a new one costs one RS256 check, shorter than a worker hand-off.
        router.route("/api/*").order(-20).handler(this::guard);
        router.route("/api/*").failureHandler(rc -> {
            LOG.errorf(rc.failure(), "Gateway failure on %s", LoggedPaths.redact(rc.request().path()));
            if (!rc.response().ended()) {
                reject(rc, 500, "internal", "Internal error", "The gateway could not handle the request");
            }
        });
    }

    private void measure(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addBodyEndHandler(ignored -> {
            long nanos = System.nanoTime() - start;
            HttpServerRequest request = rc.request();
            int status = rc.response().getStatusCode();
            timers.record(request.method(), RoutePath.of(rc), status, nanos);
            // Plain concatenation: printf-style formatting of this line cost as much as the token check.
            ACCESS.info("request_id=" + rc.response().headers().get(ServiceProxy.REQUEST_ID)
                    + " caller=" + rc.<String>get(CALLER, "anonymous") + " method=" + request.method()
                    + " route=" + LoggedPaths.redact(request.path()) + " status=" + status + " latency_ms=" + nanos / 100_000 / 10.0);
        });
        String length = rc.request().getHeader("Content-Length");
        if (length != null && tooLarge(length)) {
            reject(rc, 413, "payload-too-large", "Payload too large", "Request body is larger than " + maxBody.asLongValue() + " bytes");
            return;
        }
        rc.next();
    }

    private void guard(RoutingContext rc) {
        RouteClass routeClass = classify(rc);
        Bucket bucket;
        String authorization = rc.request().getHeader("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                reject(rc, 401, "unauthorized", "Unauthorized", "Authorization must be a Bearer token");
                return;
            }
            Caller caller;
            try {
                caller = parser.parse(authorization.substring(7).trim(), this::caller);
            } catch (ParseException e) {
                reject(rc, 401, "unauthorized", "Unauthorized", "The bearer token is invalid, expired or from an untrusted issuer");
                return;
            }
            rc.put(CALLER, LoggedPaths.isVotingAct(rc.request().path()) ? caller.unnamed() : caller.label());
            bucket = caller.buckets()[routeClass.ordinal()];
        } else {
            bucket = anonymous.get(routeClass + "|" + ClientAddress.of(rc, limits.forwardedForHops()), key -> newBucket(routeClass));
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long retryAfter = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
            rc.response().putHeader("Retry-After", String.valueOf(retryAfter));
            reject(rc, 429, "rate-limited", "Too many requests",
                    "Rate limit for " + routeClass.name().toLowerCase() + " exceeded; retry after " + retryAfter + " s");
            return;
        }
        rc.next();
    }

    /**
     * What the guard makes of a verified token: the access log's names for the caller (with the keyed tag, and
     * without it for voting acts) and the caller's rate-limit
     * buckets, one per route class, shared by all the caller's tokens. Remembered with the token (platform-jwt), so
     * a request costs no lookup beyond the token's own: working out the name and finding the bucket for every
     * request had the guard at 10 % of the gateway's CPU per vote instead of 6.5 %.
     */
    record Caller(String label, String unnamed, Bucket[] buckets) {
    }

    private Caller caller(JsonWebToken jwt) {
        String subject = jwt.getSubject();
        Object district = jwt.getClaim("district");
        Bucket[] ofCaller = new Bucket[RouteClass.values().length];
        for (RouteClass routeClass : RouteClass.values()) {
            ofCaller[routeClass.ordinal()] = bucket(routeClass, "sub:" + subject);
        }
        String unnamed = String.join(",", jwt.getGroups()) + "@" + (district == null ? "-" : district);
        return new Caller(unnamed + "#" + tags.tag(subject), unnamed, ofCaller);
    }

    private Bucket bucket(RouteClass routeClass, String caller) {
        return buckets.get(routeClass + "|" + caller, key -> newBucket(routeClass));
    }

    static RouteClass classify(RoutingContext rc) {
        HttpMethod method = rc.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            return RouteClass.READS;
        }
        return RoutePath.castsVote(RoutePath.of(rc)) ? RouteClass.VOTES : RouteClass.WRITES;
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
}
