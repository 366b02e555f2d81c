package kr.chamyeo.governance;

import org.junit.jupiter.api.Test;

import kr.chamyeo.governance.ballot.BallotEvents;
import kr.chamyeo.governance.sortition.CouncilLotteryHandler;
import kr.chamyeo.governance.youthbudget.YouthBudgetRoundService;
import kr.chamyeo.platform.testing.EventContract;

/** governance-service's records of the events it sends and reads, held to the one contract (gateway's asyncapi.yaml). */
class EventContractTest {

    @Test
    void theEventsItSendsAreTheContracts() {
        EventContract.assertProduces("BallotRequested", BallotEvents.BallotRequested.class);
        EventContract.assertProduces("YouthBudgetProposed", YouthBudgetRoundService.Proposed.class);
        EventContract.assertProduces("CouncilMembersDrawn", CouncilLotteryHandler.MembersDrawn.class);
        EventContract.assertProduces("CouncilLotteryFailed", CouncilLotteryHandler.LotteryFailed.class);
    }

    @Test
    void theEventsItReadsAreTheContracts() {
        EventContract.assertConsumes("BallotOpened", BallotEvents.BallotOpened.class);
        EventContract.assertConsumes("BallotRejected", BallotEvents.BallotRejected.class);
        EventContract.assertConsumes("BallotClosed", BallotEvents.BallotClosed.class);
        EventContract.assertConsumes("CouncilLotteryRequested", CouncilLotteryHandler.LotteryRequested.class);
        EventContract.assertConsumes("CouncilLotteryDrawRequested", CouncilLotteryHandler.DrawRequested.class);
    }
}
