package kr.chamyeo.gateway;

import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;

/**
 * The gateway's access log (접근 기록): the {@code chamyeo.access} log category goes to standard output through an
 * {@link AccessLogWriter} instead of the console handler, flushed every {@code chamyeo.gateway.access-log-flush}.
 * Its level is still set like any category's ({@code quarkus.log.category."chamyeo.access".level=OFF} stops it).
 */
@Singleton
public class AccessLog {

    static final String CATEGORY = "chamyeo.access";
    /** At 9,000 requests a second about 50 writes instead of 9,000. */
    static final int CHUNK = 32 * 1024;

    @Inject
    GatewayConfig config;

    @Inject
    Vertx vertx;

    // Held here: a logger only weakly referenced could be collected with the handler set on it.
    private final Logger logger = Logger.getLogger(CATEGORY);
    // System.out, as the console handler: the stream's lock keeps a chunk out of the middle of a console line.
    private final AccessLogWriter writer = new AccessLogWriter(System.out, CHUNK);

    void start(@Observes StartupEvent startup) {
        logger.setUseParentHandlers(false);
        logger.addHandler(writer);
        vertx.setPeriodic(config.accessLogFlush().toMillis(), id -> writer.flush());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        writer.flush();
    }
}
