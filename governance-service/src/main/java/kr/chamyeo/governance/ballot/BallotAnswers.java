package kr.chamyeo.governance.ballot;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.ReceivedEvent;

/**
 * voting-service's answers to governance's ballot requests: an answer goes to the feature whose correlation-id prefix it
 * carries; the answers to other services' requests are passed over without a transaction.
 */
@ApplicationScoped
public class BallotAnswers implements EventHandler {

    @Inject
    @Any
    Instance<BallotOutcomes> features;

    @Override
    public String topic() {
        return BallotEvents.BALLOTS;
    }

    @Override
    public boolean concerns(ReceivedEvent event) {
        return feature(event) != null;
    }

    @Override
    public void handle(ReceivedEvent event) {
        BallotOutcomes feature = feature(event);
        switch (event.type()) {
            case "BallotOpened" -> feature.opened(event.dataAs(BallotEvents.BallotOpened.class));
            case "BallotRejected" -> feature.rejected(event.dataAs(BallotEvents.BallotRejected.class));
            case "BallotClosed" -> feature.closed(event.dataAs(BallotEvents.BallotClosed.class));
            default -> { }
        }
    }

    private BallotOutcomes feature(ReceivedEvent event) {
        JsonNode correlationId = event.data() == null ? null : event.data().get("correlationId");
        if (correlationId == null || !correlationId.isTextual()) {
            return null;
        }
        for (BallotOutcomes feature : features) {
            if (correlationId.asText().startsWith(feature.prefix())) {
                return feature;
            }
        }
        return null;
    }
}
