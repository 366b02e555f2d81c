package kr.chamyeo.community.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.ReceivedEvent;

/** Answers from governance-service's sortition: seat the drawn members, or record why the draw failed. */
@ApplicationScoped
public class CouncilEventHandlers implements EventHandler {

    @Inject
    CouncilService councils;

    @Override
    public String topic() {
        return CouncilEvents.SORTITIONS;
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case "CouncilMembersDrawn" -> councils.membersDrawn(event.dataAs(CouncilEvents.CouncilMembersDrawn.class));
            case "CouncilLotteryFailed" -> councils.lotteryFailed(event.dataAs(CouncilEvents.CouncilLotteryFailed.class));
            default -> { }
        }
    }
}
