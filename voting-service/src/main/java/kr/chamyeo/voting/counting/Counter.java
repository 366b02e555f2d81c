package kr.chamyeo.voting.counting;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;


import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.voting.StoredJson;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotEvents;
import kr.chamyeo.voting.ballot.BallotEvents.BallotBoxChunk;
import kr.chamyeo.voting.ballot.BallotEvents.BallotClosed;
import kr.chamyeo.voting.ballot.BallotEvents.Tally;
import kr.chamyeo.voting.ballot.BallotStore;

/**
 * Counts the decrypted ballots, in the shuffled order the last mixing round left them, and publishes them: the
 * {@code BallotBoxChunk}s every consumer counts from (budget-service's Equal Shares and greedy, community-service's
 * 주민총회 decisions), then {@code BallotClosed} with the tallies — all in the caller's transaction, so the ballot is
 * either counted and announced once, or not at all. A ballot that decrypts to no valid selection is counted as invalid, in
 * public: every stored ballot was proven or encrypted valid, so only a faulty service could store one, and the
 * verifier would name it.
 */
@ApplicationScoped
public class Counter {

    private static final int CHUNKS_PER_INSERT = 50;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    StoredJson json;

    /** @param plaintexts the decrypted ballots in shuffled order: chosen option indexes, or null when invalid */
    public void finish(Ballot ballot, List<int[]> plaintexts) {
        CountedBallots counted = CountedBallots.of(ballot, plaintexts);
        long[] counts = counted.counts();
        int chunks = counted.chunks();
        List<BallotBoxChunk> pending = new ArrayList<>(CHUNKS_PER_INSERT);
        for (int chunk = 0; chunk < chunks; chunk++) {
            pending.add(new BallotBoxChunk(ballot.id().toString(), ballot.correlationId(), chunk, chunks, counted.chunk(ballot, chunk)));
            if (pending.size() == CHUNKS_PER_INSERT) {
                publish(ballot, pending);
            }
        }
        publish(ballot, pending);
        long invalid = plaintexts.size() - counted.valid().size();
        List<Tally> tallies = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            tallies.add(new Tally(ballot.keyOf(i), counts[i]));
        }
        Object[] row = (Object[]) em.createNativeQuery("update ballot set status = 'CLOSED', voters = board_size, invalid = ?2, "
                        + "tallies = cast(?3 as jsonb), plaintexts = ?4 where id = ?1 and status = 'COUNTING' "
                        + "returning closed_at, board_size, board_head")
                .setParameter(1, ballot.id()).setParameter(2, invalid).setParameter(3, json.write(tallies))
                .setParameter(4, counted.plaintexts()).getSingleResult();
        outbox.publish(BallotEvents.BALLOTS, "BallotClosed", ballot.id().toString(), new BallotClosed(ballot.id().toString(),
                ballot.correlationId(), ballot.requester(), BallotStore.instant(row[0]), ((Number) row[1]).longValue(), invalid, tallies,
                (String) row[2], chunks));
    }

    private void publish(Ballot ballot, List<BallotBoxChunk> pending) {
        if (!pending.isEmpty()) {
            outbox.publishAll(BallotEvents.BALLOTS, "BallotBoxChunk", ballot.id().toString(), pending);
            pending.clear();
        }
    }


}
