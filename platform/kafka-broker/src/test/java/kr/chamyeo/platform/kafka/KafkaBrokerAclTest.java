package kr.chamyeo.platform.kafka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the broker, not only the consumers' source check, refuses an event from a service that does not publish
 * the topic. Without authentication and the authorizer every send below would be accepted.
 */
class KafkaBrokerAclTest {

    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.ephemeral().start();
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void aServiceWritesItsOwnTopics() {
        assertDoesNotThrow(() -> send("voting-service", KafkaBroker.servicePassword(), "voting.ballots"));
        assertDoesNotThrow(() -> send("budget-service", KafkaBroker.servicePassword(), "budget.cycles"));
        // Ballots are asked for by the services that run votes.
        assertDoesNotThrow(() -> send("budget-service", KafkaBroker.servicePassword(), "voting.requests"));
        assertDoesNotThrow(() -> send("community-service", KafkaBroker.servicePassword(), "voting.requests"));
        assertDoesNotThrow(() -> send("governance-service", KafkaBroker.servicePassword(), "voting.requests"));
    }

    @Test
    void anotherServicesCredentialsCannotWriteTheTopic() {
        // budget-service forging voting-service's BallotOpened, governance-service a budget cycle, voting-service asking
        // itself to open a ballot: refused by the broker whatever the event's source says.
        assertRefused(TopicAuthorizationException.class, () -> send("budget-service", KafkaBroker.servicePassword(), "voting.ballots"));
        assertRefused(TopicAuthorizationException.class, () -> send("governance-service", KafkaBroker.servicePassword(), "budget.cycles"));
        assertRefused(TopicAuthorizationException.class, () -> send("voting-service", KafkaBroker.servicePassword(), "voting.requests"));
        assertRefused(TopicAuthorizationException.class, () -> send("community-service", KafkaBroker.servicePassword(), "budget.cycles"));
    }

    @Test
    void aClientWithoutTheServicesPasswordOrWithoutAuthenticationIsRefused() {
        assertRefused(SaslAuthenticationException.class, () -> send("voting-service", "guessed", "voting.ballots"));
        Map<String, Object> anonymous = new HashMap<>(producerSettings());
        anonymous.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        assertRefused(TimeoutException.class, () -> send(anonymous, "voting.ballots"));
    }

    private static void send(String user, String password, String topic) throws Exception {
        Map<String, Object> settings = new HashMap<>(producerSettings());
        settings.putAll(KafkaBroker.clientProperties(broker.bootstrapServers(), user, password));
        send(settings, topic);
    }

    private static void send(Map<String, Object> settings, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topic, "key", "{\"specversion\":\"1.0\"}")).get();
        }
    }

    private static Map<String, Object> producerSettings() {
        return Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 8000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    }

    private static void assertRefused(Class<? extends Throwable> expected, org.junit.jupiter.api.function.Executable send) {
        Throwable thrown = assertThrows(Throwable.class, send);
        boolean found = false;
        for (Throwable cause = thrown; cause != null && !found; cause = cause.getCause()) {
            found = expected.isInstance(cause);
        }
        assertTrue(found, "expected " + expected.getSimpleName() + " but got " + thrown);
    }
}
