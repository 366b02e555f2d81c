package kr.chamyeo.voting;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.testing.EventContract;
import kr.chamyeo.voting.ballot.BallotEvents;

/** voting-service's records of the events it sends and reads, held to the one contract (gateway's asyncapi.yaml). */
class EventContractTest {

    @Test
    void theEventsItSendsAreTheContracts() {
        EventContract.assertProduces("BallotOpened", BallotEvents.BallotOpened.class);
        EventContract.assertProduces("BallotRejected", BallotEvents.BallotRejected.class);
        EventContract.assertProduces("BallotBoxChunk", BallotEvents.BallotBoxChunk.class);
        EventContract.assertProduces("BoardHeadPublished", BallotEvents.BoardHeadPublished.class);
        EventContract.assertProduces("BallotClosed", BallotEvents.BallotClosed.class);
    }

    @Test
    void theEventsItReadsAreTheContracts() {
        EventContract.assertConsumes("BallotRequested", BallotEvents.BallotRequested.class);
        EventContract.assertConsumes("BallotRequested", BallotEvents.RequestRef.class);
    }
}
