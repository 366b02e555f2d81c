package kr.chamyeo.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.vertx.core.http.HttpMethod;

/**
 * {@code http.server.requests} for the API (요청 지표), with the tags of Quarkus' HTTP binder (method, uri, status,
 * outcome) and {@code uri} naming the route, never an id: a service's routes are {@code /api/v1/<service>/*}, the
 * ballot votes route keeps its own name for the voting dashboard, and paths no service answers are
 * {@code NOT_FOUND}. The binder matched every path against regular expressions and looked its timer up by a fresh
 * set of tags, 5 % of the gateway's CPU per forwarded vote; here each timer is found by method, route and status.
 */
@Singleton
public class RouteTimers {

    static final String VOTES = "/api/v1/voting/ballots/{id}/votes";
    static final String NOT_FOUND = "NOT_FOUND";
    private static final String SERVICES = "/api/v1/";

    private record Key(HttpMethod method, String uri, int status) {
    }

    @Inject
    MeterRegistry registry;

    @Inject
    GatewayConfig config;

    private final Map<String, String> routeOfService = new HashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    @PostConstruct
    void init() {
        for (String service : config.services().keySet()) {
            routeOfService.put(service, SERVICES + service + "/*");
        }
    }

    void record(HttpMethod method, String path, int status, long nanos) {
        timers.computeIfAbsent(new Key(method, route(path), status), key -> Timer.builder("http.server.requests")
                .description("HTTP requests the gateway answered, by route")
                .tag("method", key.method().name()).tag("uri", key.uri()).tag("status", String.valueOf(key.status()))
                .tag("outcome", Outcome.forStatus(key.status()).name())
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    String route(String path) {
        if (!path.startsWith(SERVICES)) {
            return NOT_FOUND;
        }
        int slash = path.indexOf('/', SERVICES.length());
        String service = path.substring(SERVICES.length(), slash < 0 ? path.length() : slash);
        String route = routeOfService.get(service);
        if (route == null) {
            return NOT_FOUND;
        }
        return isBallotVotes(path) ? VOTES : route;
    }

    /** {@code /api/v1/voting/ballots/<one segment>/votes}, without a regular expression. */
    private static boolean isBallotVotes(String path) {
        String ballots = "/api/v1/voting/ballots/";
        String votes = "/votes";
        return path.startsWith(ballots) && path.endsWith(votes) && path.length() > ballots.length() + votes.length()
                && path.indexOf('/', ballots.length()) == path.length() - votes.length();
    }
}
