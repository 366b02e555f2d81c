package kr.chamyeo.community.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.ReceivedEvent;

/** voting-service's ballots: only those of our general meetings (correlation id community:selfgov:…) matter here. */
@ApplicationScoped
public class BallotEventHandler implements EventHandler {

    @Inject
    SelfGovernancePlanService plans;

    @Override
    public String topic() {
        return CouncilEvents.BALLOTS;
    }

    @Override
    public boolean concerns(ReceivedEvent event) {
        JsonNode correlationId = event.data().get("correlationId");
        return correlationId != null && correlationId.asText().startsWith(CouncilEvents.MEETING_PREFIX);
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case "BallotOpened" -> plans.ballotOpened(event.dataAs(CouncilEvents.BallotOpened.class));
            case "BallotRejected" -> plans.ballotRejected(event.dataAs(CouncilEvents.BallotRejected.class));
            case "BallotClosed" -> plans.ballotClosed(event.dataAs(CouncilEvents.BallotClosed.class));
            default -> { }
        }
    }
}
