package kr.chamyeo.platform.events;

import java.util.Set;

/**
 * Reacts to events of one topic. {@link EventConsumers} calls it inside a transaction, at most once per
 * event id (redeliveries and duplicates are skipped), so an implementation only states its own effect.
 */
public interface EventHandler {

    String topic();

    /**
     * Whether the event can concern this handler at all. A topic shared by many services carries mostly other
     * services' business; an event no handler is concerned with is passed over without a transaction or a
     * {@code processed_event} record (it changes nothing, so a redelivery is harmless).
     */
    default boolean concerns(ReceivedEvent event) {
        return true;
    }

    /**
     * The CloudEvents sources that publish this handler's topic. An event from any other source is parked as a dead
     * letter, never applied: anyone who can write to a topic could otherwise speak for its producer. By default the
     * service the topic is named after ({@code voting.ballots} → {@code /chamyeo/voting-service}); a topic that other
     * services write to (requests addressed to its owner) names them.
     */
    default Set<String> producers() {
        String topic = topic();
        int dot = topic.indexOf('.');
        return Set.of("/chamyeo/" + (dot < 0 ? topic : topic.substring(0, dot)) + "-service");
    }

    void handle(ReceivedEvent event);
}
