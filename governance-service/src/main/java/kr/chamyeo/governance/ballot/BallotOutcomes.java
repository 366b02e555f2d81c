package kr.chamyeo.governance.ballot;

/**
 * A feature that asks voting-service for ballots and takes their answers: the answers whose correlation id starts with
 * {@link #prefix()} are its own. Each method runs in the consumer's transaction and must be idempotent (an answer
 * that finds its process already past that step changes nothing).
 */
public interface BallotOutcomes {

    String prefix();

    void opened(BallotEvents.BallotOpened opened);

    void rejected(BallotEvents.BallotRejected rejected);

    void closed(BallotEvents.BallotClosed closed);
}
