package kr.chamyeo.voting.closing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.counting.BatchPlanner;
import kr.chamyeo.voting.counting.Counter;

/**
 * Ends voting on a ballot exactly once, whichever replica, scheduler tick or officer asks: a compare-and-set on the
 * ballot row ({@code OPEN} → {@code COUNTING}) that also freezes the board's size and head, so a second or concurrent
 * attempt finds nothing to do. The update waits for vote batches that share-locked the ballot, so every acknowledged
 * vote is on the frozen board, and the same transaction fixes the counting batches drawn from it. From here the trustees
 * shuffle and decrypt each batch ({@code counting}); a ballot nobody voted on has nothing to decrypt and is tallied at
 * once.
 */
@ApplicationScoped
public class BallotCloser {

    private static final Logger LOG = Logger.getLogger(BallotCloser.class);

    @Inject
    EntityManager em;

    @Inject
    BallotStore ballots;

    @Inject
    Counter counter;

    @Inject
    BatchPlanner batches;

    /** The outcome of a closing: when voting ended and what the board holds. */
    public record Closing(UUID ballotId, Instant closedAt, long boardSize, String boardHead) {
    }

    /**
     * Ends voting if the ballot is still open (and, when {@code onlyIfDue}, past its closes-at); empty when another
     * attempt got there first or it is not due. {@code reason} is an officer's for ending early ({@link EarlyClosing}),
     * stored with the ballot in the transaction that also holds the request's audit record.
     */
    @Transactional
    public Optional<Closing> close(UUID id, boolean onlyIfDue, String reason) {
        Ballot ballot = ballots.find(id).orElseThrow();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update ballot b set status = 'COUNTING', closed_at = now(), board_size = h.seq, "
                        + "board_head = h.chain, close_reason = cast(?3 as text) from board_head h where b.id = ?1 and h.ballot_id = b.id and b.status = 'OPEN' "
                        + "and (not ?2 or b.closes_at <= now()) returning b.closed_at, b.board_size, b.board_head")
                .setParameter(1, id).setParameter(2, onlyIfDue).setParameter(3, reason).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        Closing closing = new Closing(id, BallotStore.instant(row[0]), ((Number) row[1]).longValue(), (String) row[2]);
        // Fixed with the board, before any trustee can see a batch (PROTOCOL.md §8.6).
        int batches = this.batches.plan(id, closing.boardSize(), closing.boardHead());
        if (closing.boardSize() == 0) {
            counter.finish(ballot, List.of());
        }
        LOG.infof("Voting ended on ballot %s: %d ballots on the board in %d batch(es), head %s", id, closing.boardSize(), batches,
                closing.boardHead());
        return Optional.of(closing);
    }

}
