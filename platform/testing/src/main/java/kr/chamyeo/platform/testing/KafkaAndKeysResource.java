package kr.chamyeo.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kr.chamyeo.platform.kafka.KafkaBroker;

/**
 * Quarkus test resource: one real in-process Kafka broker per test JVM and the public half of the test
 * signing key. Database settings come from each service's {@code %test} profile (the machine's PostgreSQL).
 */
public class KafkaAndKeysResource implements QuarkusTestResourceLifecycleManager {

    /**
     * The running broker's address, kept JVM-wide: a test profile restarts the application in a new class loader,
     * where this class's statics start empty, and a second in-process broker in the same JVM does not start.
     */
    private static final String BOOTSTRAP = "chamyeo.test.kafka.bootstrap-servers";

    @Override
    public Map<String, String> start() {
        String servers;
        synchronized (System.getProperties()) {
            servers = System.getProperty(BOOTSTRAP);
            if (servers == null) {
                KafkaBroker broker = KafkaBroker.ephemeral().start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
                servers = broker.bootstrapServers();
                System.setProperty(BOOTSTRAP, servers);
            }
        }
        return Map.of(
                "kafka.bootstrap.servers", servers,
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM so later test classes reuse it.
    }
}
