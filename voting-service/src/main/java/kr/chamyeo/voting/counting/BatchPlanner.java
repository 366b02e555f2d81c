package kr.chamyeo.voting.counting;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fixes a ballot's counting batches when voting ends ({@link BatchAssignment}), in the transaction that freezes the
 * board: the number of batches on the ballot row and, for more than one, each batch's members in round-1 order; and
 * reads a batch's members back, for the trustees' first round and for the record.
 */
@ApplicationScoped
public class BatchPlanner {

    /** Entries read per round trip while the board's trackers are sorted. */
    private static final int FETCH = 10_000;

    @Inject
    EntityManager em;

    /** At most this many ballots are shuffled and decrypted together (README: How large a ballot can be counted). */
    @ConfigProperty(name = "chamyeo.voting.counting.batch-size", defaultValue = "100000")
    int batchSize;

    /** Stores and returns B for the frozen board of {@code boardSize} entries whose chain ends in {@code boardHead}. */
    public int plan(UUID ballotId, long boardSize, String boardHead) {
        int batches = BatchAssignment.count(boardSize, batchSize);
        em.createNativeQuery("update ballot set batches = ?2, batch_size = ?3 where id = ?1").setParameter(1, ballotId)
                .setParameter(2, batches).setParameter(3, batchSize).executeUpdate();
        if (batches == 1) {
            return 1;
        }
        BatchAssignment.Sorter sorter = new BatchAssignment.Sorter(ballotId, boardHead);
        @SuppressWarnings("unchecked")
        java.util.stream.Stream<Object[]> rows = em.createNativeQuery("select seq, tracker from board_entry where ballot_id = ?1 "
                        + "and seq <= ?2 order by seq").setParameter(1, ballotId).setParameter(2, boardSize)
                .setHint("org.hibernate.fetchSize", FETCH).getResultStream();
        try (rows) {
            rows.forEach(row -> sorter.add(((Number) row[0]).longValue(), (String) row[1]));
        }
        List<long[]> assigned = sorter.batches(batches);
        for (int b = 0; b < batches; b++) {
            em.createNativeQuery("insert into counting_batch (ballot_id, batch, seqs) values (?1, ?2, ?3)").setParameter(1, ballotId)
                    .setParameter(2, b).setParameter(3, Arrays.stream(assigned.get(b)).mapToObj(Long::toString)
                            .collect(Collectors.joining(","))).executeUpdate();
        }
        return batches;
    }

    /**
     * Board columns ({@code "tracker, ciphertexts"} …) of batch {@code batch}'s members in round-1 order: the frozen
     * board in seq order for a ballot of one batch, else the members fixed at closing. One array per member.
     */
    public List<Object[]> members(UUID ballotId, int batches, int batch, String columns) {
        String select = "select " + columns.replaceAll("(^|, )", "$1e.");
        @SuppressWarnings("unchecked")
        List<Object> rows = batches == 1
                ? em.createNativeQuery(select + " from board_entry e where e.ballot_id = ?1 and e.seq <= (select board_size from ballot "
                        + "where id = ?1) order by e.seq").setParameter(1, ballotId).getResultList()
                : em.createNativeQuery(select + " from counting_batch c cross join lateral unnest(cast(string_to_array(c.seqs, ',') "
                                + "as bigint[])) with ordinality as m(seq, pos) join board_entry e on e.ballot_id = c.ballot_id and e.seq = m.seq "
                                + "where c.ballot_id = ?1 and c.batch = ?2 order by m.pos").setParameter(1, ballotId).setParameter(2, batch)
                        .getResultList();
        return rows.stream().map(row -> row instanceof Object[] columnsOf ? columnsOf : new Object[] {row}).toList();
    }
}
