package kr.chamyeo.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * Serves the AsyncAPI document of every service's Kafka events at {@code /q/asyncapi}, next to the combined OpenAPI
 * document: what a partner consuming the events needs, in a form its tools read (the services' EVENTS.md say the
 * same in prose). The document is validated in the build by deploy/contract.
 */
@Singleton
public class AsyncApiDocument {

    static final String PATH = "/q/asyncapi";

    private final byte[] document;

    public AsyncApiDocument() {
        try (InputStream in = AsyncApiDocument.class.getResourceAsStream("/asyncapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi.yaml is missing from the gateway's resources");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void routes(@Observes Router router) {
        router.get(PATH).order(-20).handler(rc -> rc.response()
                .putHeader("Content-Type", "application/yaml;charset=UTF-8")
                .end(io.vertx.core.buffer.Buffer.buffer(document)));
    }
}
