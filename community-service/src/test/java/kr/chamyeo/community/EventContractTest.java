package kr.chamyeo.community;

import org.junit.jupiter.api.Test;

import kr.chamyeo.community.council.CouncilEvents;
import kr.chamyeo.community.space.ProgrammeService;
import kr.chamyeo.platform.testing.EventContract;

/** community-service's records of the events it sends and reads, held to the one contract (gateway's asyncapi.yaml). */
class EventContractTest {

    @Test
    void theEventsItSendsAreTheContracts() {
        EventContract.assertProduces("CouncilLotteryRequested", CouncilEvents.CouncilLotteryRequested.class);
        EventContract.assertProduces("CouncilLotteryDrawRequested", CouncilEvents.CouncilLotteryDrawRequested.class);
        EventContract.assertProduces("BallotRequested", CouncilEvents.BallotRequested.class);
        EventContract.assertProduces("SpaceProgrammePublished", ProgrammeService.ProgrammePublished.class);
        EventContract.assertProduces("SpaceProgrammeCancelled", ProgrammeService.ProgrammeCancelled.class);
    }

    @Test
    void theEventsItReadsAreTheContracts() {
        EventContract.assertConsumes("CouncilMembersDrawn", CouncilEvents.CouncilMembersDrawn.class);
        EventContract.assertConsumes("CouncilLotteryFailed", CouncilEvents.CouncilLotteryFailed.class);
        EventContract.assertConsumes("BallotOpened", CouncilEvents.BallotOpened.class);
        EventContract.assertConsumes("BallotRejected", CouncilEvents.BallotRejected.class);
        EventContract.assertConsumes("BallotClosed", CouncilEvents.BallotClosed.class);
    }
}
