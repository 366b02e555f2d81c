package kr.chamyeo.gateway;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.proxy.handler.ProxyHandler;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Forwards {@code /api/v1/<service>/**} to that service with Vert.x's reverse proxy. Every request gets an
 * {@code X-Request-Id} (kept if the client sent one) that the services log and audit. An unreachable
 * service is answered with 502 and a slow one with 504, both as problem+json.
 */
@Singleton
public class ServiceProxy {

    static final String REQUEST_ID = "X-Request-Id";
    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);
    /** Open connections to one service at most, shared out among the event loops' own clients. */
    private static final int MAX_CONNECTIONS_PER_SERVICE = 256;

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
     * One client and proxy per event loop. With a single shared client a request went out over whichever pooled
     * connection was free, usually one owned by another event loop, and every part of the answer then crossed
     * threads on its way back: that hand-over was a fifth of the gateway's CPU per vote.
     */
    private final class Forwarder implements Handler<RoutingContext> {

        private final String service;
        private final SocketAddress origin;
        private final int connectionsPerEventLoop;
        private final Map<Thread, ProxyHandler> byEventLoop = new ConcurrentHashMap<>();

        Forwarder(String service, URI target, int connectionsPerEventLoop) {
            this.service = service;
            this.connectionsPerEventLoop = connectionsPerEventLoop;
            this.origin = SocketAddress.inetSocketAddress(target.getPort() > 0 ? target.getPort() : 80, target.getHost());
        }

        @Override
        public void handle(RoutingContext rc) {
            byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> ProxyHandler.create(newProxy())).handle(rc);
        }

        private HttpProxy newProxy() {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout(2000)
                    .setMaxPoolSize(connectionsPerEventLoop)
                    .setKeepAlive(true));
            return HttpProxy.reverseProxy(client)
                    .originRequestProvider((request, http) -> http.request(new RequestOptions()
                            .setServer(origin)
                            .setIdleTimeout(config.timeout().toMillis())))
                    .addInterceptor(new Failures(service));
        }
    }

    private static void tagRequest(RoutingContext rc) {
        String id = rc.request().getHeader(REQUEST_ID);
        if (id == null || id.isBlank() || id.length() > 128) {
            id = UUID.randomUUID().toString();
            rc.request().headers().set(REQUEST_ID, id);
        }
        rc.response().putHeader(REQUEST_ID, id);
        rc.next();
    }

    /** Turns transport failures into problem+json instead of the proxy's empty 502. */
    private record Failures(String service) implements ProxyInterceptor {

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            return context.sendRequest().recover(error -> {
                boolean timeout = error.getMessage() != null && error.getMessage().contains("timeout");
                int status = timeout ? 504 : 502;
                String path = context.request().getURI();
                LOG.warnf("%s upstream %s failed for %s: %s", status, service, path, error.getMessage());
                String body = Problems.json(status, timeout ? "upstream-timeout" : "upstream-unavailable",
                        timeout ? "Gateway timeout" : "Bad gateway",
                        timeout ? "The " + service + " service did not answer in time"
                                : "The " + service + " service is unreachable",
                        path);
                ProxyResponse response = context.request().response()
                        .setStatusCode(status)
                        .setBody(Body.body(Buffer.buffer(body)));
                response.headers().clear();
                response.putHeader("Content-Type", Problems.MEDIA_TYPE);
                return Future.succeededFuture(response);
            });
        }
    }
}
