package kr.chamyeo.voting.board;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.ballot.BoardChain.Entry;
import kr.chamyeo.voting.board.BoardResource.Page;

/** Reads the public board: pages of entries in casting order with the head, and one voter's entry by tracker. */
@ApplicationScoped
public class BoardReader {

    @Inject
    EntityManager em;

    @Inject
    BallotStore ballots;

    /** One page after {@code after}; the head and the entries are read in one transaction so that they agree. */
    @Transactional
    public Page page(UUID id, long after, int limit) {
        ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        Object[] head = (Object[]) em.createNativeQuery("select seq, chain from board_head where ballot_id = ?1")
                .setParameter(1, id).getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, tracker, ciphertexts, proof, chain from board_entry "
                + "where ballot_id = ?1 and seq > ?2 order by seq limit ?3").setParameter(1, id).setParameter(2, after)
                .setParameter(3, limit).getResultList();
        List<Entry> entries = rows.stream().map(BoardReader::row).toList();
        Long next = entries.size() == limit ? entries.get(entries.size() - 1).seq() : null;
        return new Page(id, ((Number) head[0]).longValue(), (String) head[1], entries, next);
    }

    public Entry lookup(UUID id, String tracker) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, tracker, ciphertexts, proof, chain from board_entry "
                + "where ballot_id = ?1 and tracker = ?2").setParameter(1, id).setParameter(2, tracker).getResultList();
        return rows.stream().findFirst().map(BoardReader::row)
                .orElseThrow(() -> ProblemException.notFound("Tracker", "on the board of ballot " + id));
    }

    private static Entry row(Object[] row) {
        return new Entry(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3], (String) row[4]);
    }
}
