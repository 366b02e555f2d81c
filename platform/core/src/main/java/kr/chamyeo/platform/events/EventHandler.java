package kr.chamyeo.platform.events;

/**
 * Reacts to events of one topic. {@link EventConsumers} calls it inside a transaction, at most once per
 * event id (redeliveries and duplicates are skipped), so an implementation only states its own effect.
 */
public interface EventHandler {

    String topic();

    void handle(ReceivedEvent event);
}
