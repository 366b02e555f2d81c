package kr.chamyeo.budget;

import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.assembly.BallotEvents;
import kr.chamyeo.budget.assembly.BallotRequested;
import kr.chamyeo.budget.council.YouthBudgetProposed;
import kr.chamyeo.budget.cycle.CycleService.CycleCreated;
import kr.chamyeo.budget.execution.ExecutionReported;
import kr.chamyeo.budget.result.ProjectsAdopted;
import kr.chamyeo.platform.testing.EventContract;

/** budget-service's records of the events it sends and reads, held to the one contract (gateway's asyncapi.yaml). */
class EventContractTest {

    @Test
    void theEventsItSendsAreTheContracts() {
        EventContract.assertProduces("CycleCreated", CycleCreated.class);
        EventContract.assertProduces("ProjectsAdopted", ProjectsAdopted.class);
        EventContract.assertProduces("ExecutionReported", ExecutionReported.class);
        EventContract.assertProduces("BallotRequested", BallotRequested.class);
    }

    @Test
    void theEventsItReadsAreTheContracts() {
        EventContract.assertConsumes("YouthBudgetProposed", YouthBudgetProposed.class);
        EventContract.assertConsumes("BallotOpened", BallotEvents.BallotOpened.class);
        EventContract.assertConsumes("BallotRejected", BallotEvents.BallotRejected.class);
        EventContract.assertConsumes("BallotBoxChunk", BallotEvents.BallotBoxChunk.class);
        EventContract.assertConsumes("BallotClosed", BallotEvents.BallotClosed.class);
        EventContract.assertConsumes("BallotClosed", BallotEvents.BallotRef.class);
    }
}
