package kr.chamyeo.platform.events;

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

    void handle(ReceivedEvent event);
}
