import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Reference point for deploy/bench/gateway with FLOOR=1: the least a Vert.x reverse proxy does (one verticle per
 * event loop, buffer the request, forward it, buffer the answer, send it back), without the gateway's token check,
 * rate limit, access log, metrics, CORS and security headers. Run as a single-file program:
 * {@code java -cp <vertx-core and netty jars> BareProxy.java <port> <upstream port>}.
 */
public class BareProxy extends AbstractVerticle {

    private static int port;
    private static int upstreamPort;

    @Override
    public void start() {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true)
                .setDefaultHost("127.0.0.1").setDefaultPort(upstreamPort));
        vertx.createHttpServer(new HttpServerOptions().setPort(port)).requestHandler(request -> request.body()
                .compose(body -> client.request(new RequestOptions().setMethod(request.method()).setURI(request.uri())
                        .setHeaders(request.headers())).compose(forwarded -> forwarded.send(body)))
                .compose(answer -> answer.body().map(body -> {
                    request.response().setStatusCode(answer.statusCode());
                    answer.headers().forEach(h -> {
                        if (!h.getKey().equalsIgnoreCase("connection")) {
                            request.response().putHeader(h.getKey(), h.getValue());
                        }
                    });
                    return request.response().end(body);
                }))
                .onFailure(error -> request.response().setStatusCode(502).end()))
                .listen();
    }

    public static void main(String[] args) {
        port = Integer.parseInt(args[0]);
        upstreamPort = Integer.parseInt(args[1]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        vertx.deployVerticle(BareProxy::new, new DeploymentOptions().setInstances(VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE));
    }
}
