package kr.chamyeo.gateway;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Forwards {@code /api/v1/<service>/**} to that service. Every request gets an {@code X-Request-Id} (kept if the
 * client sent one of a safe form, {@link #safeRequestId}) that the services log and audit. An unreachable service is answered with 502 and a slow one with
 * 504, both as problem+json.
 *
 * <p>Requests and answers of known length up to {@link #BUFFERED_BODY} are forwarded whole, each in one write; longer
 * or chunked ones (exports, bulletins) stream through with back-pressure. Vert.x's reverse proxy, used before,
 * streamed every message through its own request, response and pipe objects: a quarter of the gateway's CPU per
 * vote, against half of that for this plain client. A streamed request body is counted as it passes and cut off at
 * the route's limit ({@link BodyLimits}): the upstream request is reset, so the service never sees a truncated body
 * as whole, and the caller gets 413.
 */
@Singleton
public class ServiceProxy {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** Open connections to one service at most, shared out among the event loops' own clients. */
    private static final int MAX_CONNECTIONS_PER_SERVICE = 256;
    static final int BUFFERED_BODY = 64 * 1024;
    /** Hop-by-hop headers (RFC 9110 §7.6.1): they belong to one connection and are never forwarded. */
    private static final Set<String> HOP_BY_HOP = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        HOP_BY_HOP.addAll(List.of("connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
                "te", "trailer", "transfer-encoding", "upgrade", "expect"));
    }

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    void routes(@Observes Router router) {
        router.route("/api/*").order(-40).handler(ServiceProxy::tagRequest);
        int eventLoops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            eventLoops++;
        }
        int connectionsPerEventLoop = Math.max(1, MAX_CONNECTIONS_PER_SERVICE / eventLoops);
        for (Map.Entry<String, URI> service : config.services().entrySet()) {
            Forwarder forwarder = new Forwarder(service.getKey(), service.getValue(), connectionsPerEventLoop);
            router.route("/api/v1/" + service.getKey() + "/*").handler(forwarder);
            router.route("/api/v1/" + service.getKey()).handler(forwarder);
        }
        router.route("/api/*").handler(rc -> rc.response().setStatusCode(404)
                .putHeader("Content-Type", Problems.MEDIA_TYPE)
                .end(Problems.json(404, "not-found", "Not found",
                        "No service answers " + rc.request().path() + "; services: " + config.services().keySet(),
                        rc.request().path())));
    }

    /**
     * One client per event loop. With a single shared client a request went out over whichever pooled connection
     * was free, usually one owned by another event loop, and every part of the answer then crossed threads on its
     * way back: that hand-over was a fifth of the gateway's CPU per vote.
     */
    private final class Forwarder implements Handler<RoutingContext> {

        private final String service;
        private final SocketAddress origin;
        private final int connectionsPerEventLoop;
        private final long idleTimeoutMillis;
        private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();

        Forwarder(String service, URI target, int connectionsPerEventLoop) {
            this.service = service;
            this.connectionsPerEventLoop = connectionsPerEventLoop;
            this.idleTimeoutMillis = config.timeout().toMillis();
            this.origin = SocketAddress.inetSocketAddress(target.getPort() > 0 ? target.getPort() : 80, target.getHost());
        }

        @Override
        public void handle(RoutingContext rc) {
            HttpClient client = byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(
                    new HttpClientOptions().setConnectTimeout(2000).setMaxPoolSize(connectionsPerEventLoop).setKeepAlive(true)));
            HttpServerRequest in = rc.request();
            RequestOptions options = new RequestOptions().setServer(origin).setMethod(in.method())
                    .setURI(RoutePath.forwardedUri(rc)).setIdleTimeout(idleTimeoutMillis);
            // Without a length an HTTP/1 request has no body, but an HTTP/2 one may have any: it is streamed and counted.
            boolean whole = in.isEnded() || forwardedWhole(in.headers())
                    && (in.headers().contains(HttpHeaders.CONTENT_LENGTH) || in.version() != HttpVersion.HTTP_2);
            Future<HttpClientResponse> answer;
            LimitedBody limited = null;
            if (whole) {
                Future<Buffer> body = in.isEnded() ? Future.succeededFuture(Buffer.buffer()) : in.body();
                in.resume();
                answer = body.compose(content -> client.request(options).compose(out -> {
                    copyEndToEnd(in.headers(), out.headers(), true);
                    return out.send(content);
                }));
            } else {
                in.pause();
                LimitedBody body = limited = new LimitedBody(in, BodyLimits.limitOf(rc));
                answer = client.request(options).compose(out -> {
                    copyEndToEnd(in.headers(), out.headers(), false);
                    body.onExceeded(() -> {
                        // Reported through the answer's future, which turns it into 413.
                        out.exceptionHandler(ignored -> { });
                        out.reset(0, new IllegalStateException("request body over its limit"));
                    });
                    return out.send(body);
                });
            }
            LimitedBody counted = limited;
            answer.onSuccess(response -> relay(rc, response)).onFailure(error -> {
                if (counted != null && counted.exceeded && !rc.response().headWritten()) {
                    // The rest of the body is never read: the connection cannot carry another request.
                    rc.response().headers().remove(HttpHeaders.CONTENT_LENGTH);
                    rc.response().putHeader(HttpHeaders.CONNECTION, "close");
                    BodyLimits.tooLarge(rc, counted.limit);
                } else {
                    fail(rc, error);
                }
            });
        }

        private void relay(RoutingContext rc, HttpClientResponse response) {
            HttpServerResponse out = rc.response().setStatusCode(response.statusCode());
            boolean whole = forwardedWhole(response.headers());
            // An answer to HEAD has no body but keeps the length the body would have; the request id is the gateway's.
            MultiMap ours = out.headers();
            String requestId = ours.get(REQUEST_ID);
            copyEndToEnd(response.headers(), ours, whole && rc.request().method() != HttpMethod.HEAD);
            ours.set(REQUEST_ID, requestId);
            if (!out.headers().contains(HttpHeaders.DATE)) {
                out.putHeader(HttpHeaders.DATE, HttpDate.now());
            }
            if (whole) {
                response.body().onSuccess(out::end).onFailure(error -> fail(rc, error));
            } else {
                out.setChunked(!out.headers().contains(HttpHeaders.CONTENT_LENGTH));
                // Either side going away mid-answer ends the other: a caller who left frees the upstream connection
                // (its chunks were being written into a closed answer, each one an exception), and a broken upstream
                // answer is cut off rather than ended as if it were whole.
                rc.addEndHandler(ended -> {
                    if (ended.failed()) {
                        response.request().reset();
                    }
                });
                response.pipe().endOnFailure(false).to(out).onFailure(error -> out.reset());
            }
        }

        private void fail(RoutingContext rc, Throwable error) {
            if (rc.response().headWritten()) {
                rc.response().reset();
                return;
            }
            boolean timeout = error instanceof TimeoutException || (error.getMessage() != null && error.getMessage().contains("timeout"));
            int status = timeout ? 504 : 502;
            String path = rc.request().uri();
            // The path only, redacted: the query and a receipt segment are the caller's, not the log's.
            LOG.warnf("%s upstream %s failed for %s: %s", status, service, LoggedPaths.redact(rc.request().path()), error.getMessage());
            rc.response().headers().remove(HttpHeaders.CONTENT_LENGTH);
            rc.response().setStatusCode(status).putHeader("Content-Type", Problems.MEDIA_TYPE)
                    .end(Problems.json(status, timeout ? "upstream-timeout" : "upstream-unavailable",
                            timeout ? "Gateway timeout" : "Bad gateway",
                            timeout ? "The " + service + " service did not answer in time"
                                    : "The " + service + " service is unreachable",
                            path));
        }
    }

    /**
     * Adds the end-to-end headers of one message to the next hop's, straight into the outgoing message: copying them
     * into a map of their own first had each header validated and stored twice.
     */
    private static void copyEndToEnd(MultiMap from, MultiMap to, boolean whole) {
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            // A message forwarded whole gets its Content-Length from the body that is sent.
            if (!HOP_BY_HOP.contains(name) && !(whole && HttpHeaders.CONTENT_LENGTH.toString().equalsIgnoreCase(name))) {
                to.add(name, header.getValue());
            }
        }
    }

    /** True for a message with no body or a declared length up to {@link #BUFFERED_BODY}, false for chunked or longer ones. */
    private static boolean forwardedWhole(MultiMap headers) {
        return !headers.contains(HttpHeaders.TRANSFER_ENCODING) && knownLength(headers) <= BUFFERED_BODY;
    }

    /** The declared body length; 0 for none, and past {@link #BUFFERED_BODY} when it cannot be read. */
    private static long knownLength(MultiMap headers) {
        String length = headers.get(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return 0;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A request body passed on chunk by chunk until more than {@code limit} bytes have arrived; then the upstream
     * request is reset (before anything could end it as if the body were whole) and no more is read or passed on.
     */
    private static final class LimitedBody implements ReadStream<Buffer> {

        private final ReadStream<Buffer> body;
        final long limit;
        private long received;
        volatile boolean exceeded;
        private Runnable onExceeded = () -> { };

        LimitedBody(ReadStream<Buffer> body, long limit) {
            this.body = body;
            this.limit = limit;
        }

        void onExceeded(Runnable action) {
            onExceeded = action;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            body.handler(handler == null ? null : chunk -> {
                if (exceeded) {
                    return;
                }
                received += chunk.length();
                if (received > limit) {
                    exceeded = true;
                    body.pause();
                    onExceeded.run();
                    return;
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            body.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            body.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            if (!exceeded) {
                body.resume();
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            if (!exceeded) {
                body.fetch(amount);
            }
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            body.endHandler(handler);
            return this;
        }
    }

    /**
     * A client's request id is kept only if it is 1–128 letters, digits, {@code .}, {@code _}, {@code :} or {@code -}:
     * it is written into every log line and audit record of the request, and spaces or {@code key=value} pieces in it
     * would forge fields of those lines.
     */
    static boolean safeRequestId(String id) {
        if (id == null || id.isEmpty() || id.length() > 128) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static void tagRequest(RoutingContext rc) {
        String id = rc.request().getHeader(REQUEST_ID);
        if (!safeRequestId(id)) {
            id = newRequestId();
            rc.request().headers().set(REQUEST_ID, id);
        }
        rc.response().putHeader(REQUEST_ID, id);
        // API answers are personal or change at any moment unless the service itself says they may be kept.
        rc.addHeadersEndHandler(ignored -> {
            if (!rc.response().headers().contains(HttpHeaders.CACHE_CONTROL)) {
                rc.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        rc.next();
    }

    /**
     * A version-4 UUID from the event loop's own generator. A request id only names a request in the logs and the
     * audit trail and guards nothing, and {@code UUID.randomUUID()} drew every one from the shared SecureRandom.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & ~(0b11L << 62) | (0b10L << 62)).toString();
    }

    /** The Date header a proxy adds when the origin sent none (RFC 9110 §6.6.1), formatted once a second. */
    private static final class HttpDate {

        private static volatile String text = "";
        private static volatile long second = -1;

        static String now() {
            long current = System.currentTimeMillis() / 1000;
            if (current != second) {
                text = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.ofEpochSecond(current).atZone(ZoneOffset.UTC));
                second = current;
            }
            return text;
        }
    }
}
