package kr.chamyeo.platform.testing;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import kr.chamyeo.platform.kafka.KafkaBroker;

/**
 * Quarkus test resource: one real in-process Kafka broker per test JVM and the public half of the test
 * signing key. Database settings come from each service's {@code %test} profile (the machine's PostgreSQL).
 */
public class KafkaAndKeysResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    @Override
    public Map<String, String> start() {
        synchronized (KafkaAndKeysResource.class) {
            if (broker == null) {
                broker = KafkaBroker.ephemeral().start();
                KafkaBroker started = broker;
                Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            }
        }
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "mp.jwt.verify.publickey.location", TestTokens.publicKeyFile().toString(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER);
    }

    @Override
    public void stop() {
        // The broker lives as long as the JVM so later test classes reuse it.
    }
}
