import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import kr.chamyeo.platform.kafka.KafkaBroker;

/**
 * Counts, on one topic, the events of a type whose record key is the given key, reading from the beginning
 * until the topic's end: {@code java CountEvents.java BOOTSTRAP TOPIC KEY TYPE}. Prints the count.
 */
public class CountEvents {
    public static void main(String[] args) {
        Properties p = new Properties();
        // The broker's super user: a service's own user may only commit offsets of its own consumer group.
        p.putAll(KafkaBroker.clientProperties(args[0], KafkaBroker.ADMIN, KafkaBroker.adminPassword()));
        p.put("group.id", "count-events-" + System.nanoTime());
        p.put("auto.offset.reset", "earliest");
        p.put("enable.auto.commit", "false");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        String needle = "\"type\":\"" + args[3] + "\"";
        long count = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            consumer.subscribe(List.of(args[1]));
            int idle = 0;
            while (idle < 5) {
                var records = consumer.poll(Duration.ofSeconds(1));
                idle = records.isEmpty() ? idle + 1 : 0;
                for (ConsumerRecord<String, String> r : records) {
                    if (args[2].equals(r.key()) && r.value().replace(" ", "").contains(needle)) {
                        count++;
                    }
                }
            }
        }
        System.out.println(count);
    }
}
