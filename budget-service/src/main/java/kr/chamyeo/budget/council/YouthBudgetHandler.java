package kr.chamyeo.budget.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.ReceivedEvent;

/**
 * Reads governance-service's {@code YouthBudgetProposed}. Only {@code /chamyeo/governance-service} publishes this topic
 * (the platform's default {@link #producers()} for a {@code governance.*} topic): an event from any other source is
 * parked as a dead letter, never applied.
 */
@ApplicationScoped
public class YouthBudgetHandler implements EventHandler {

    static final String TOPIC = "governance.youth-budget";

    @Inject
    YouthCouncilRounds rounds;

    @Override
    public String topic() {
        return TOPIC;
    }

    @Override
    public boolean concerns(ReceivedEvent event) {
        return "YouthBudgetProposed".equals(event.type());
    }

    @Override
    public void handle(ReceivedEvent event) {
        rounds.receive(event.dataAs(YouthBudgetProposed.class));
    }
}
