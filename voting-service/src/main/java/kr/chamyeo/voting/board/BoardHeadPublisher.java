package kr.chamyeo.voting.board;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.voting.ballot.BallotEvents;
import kr.chamyeo.voting.ballot.BallotEvents.BoardHeadPublished;

/**
 * Publishes the head of every open ballot's board whose head moved since it was last published (issue 21 §3: "whose
 * head is published regularly"), as {@code BoardHeadPublished} on voting.ballots. Whoever keeps these events — a
 * district, a civic group, a newspaper — holds the head at that hour, so an operator who later removes or rewrites an
 * entry cast before it is caught, not only by voters who kept their own entry's chain value: the final board must
 * extend every published head. The board's entries are public already, so the head and size reveal nothing more.
 */
@ApplicationScoped
public class BoardHeadPublisher {

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Scheduled(every = "${chamyeo.voting.board-head-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "board-head-publication")
    void publishMovedHeads() {
        QuarkusTransaction.requiringNew().run(() -> {
            // skip locked: a head the vote writer is moving right now is published at the next tick.
            @SuppressWarnings("unchecked")
            List<Object[]> moved = em.createNativeQuery("select h.ballot_id, h.seq, h.chain, b.correlation_id from board_head h "
                    + "join ballot b on b.id = h.ballot_id where b.status = 'OPEN' and h.seq > h.published_seq "
                    + "order by h.ballot_id limit 200 for update of h skip locked").getResultList();
            Instant now = Instant.now();
            for (Object[] row : moved) {
                UUID ballotId = (UUID) row[0];
                long size = ((Number) row[1]).longValue();
                outbox.publish(BallotEvents.BALLOTS, "BoardHeadPublished", ballotId.toString(),
                        new BoardHeadPublished(ballotId.toString(), (String) row[3], size, (String) row[2], now));
                em.createNativeQuery("update board_head set published_seq = ?2 where ballot_id = ?1")
                        .setParameter(1, ballotId).setParameter(2, size).executeUpdate();
            }
        });
    }
}
