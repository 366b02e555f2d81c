package kr.chamyeo.voting.record;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.election.Selection;
import kr.chamyeo.election.ThresholdDecryption.PartialDecryption;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.StoredJson;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.ballot.BoardChain.Entry;
import kr.chamyeo.voting.counting.BatchAssignment;
import kr.chamyeo.voting.counting.BatchPlanner;
import kr.chamyeo.voting.counting.BatchedCounting;
import kr.chamyeo.voting.election.CeremonyService;

/**
 * Assembles a ballot's public election record (PROTOCOL.md §8.5) from the stored board, mixes, shares and result: one
 * document for a ballot counted as one batch; for several batches a header, the board in pages and one page per
 * batch, so that no answer holds the whole board (a million entries would not fit one response).
 */
@ApplicationScoped
public class ElectionRecord {

    public static final String PROTOCOL = "chamyeo-election/3";

    /** The most board entries one page of the record gives. */
    public static final int MAX_PAGE = 10_000;

    @Schema(name = "RecordBoardPage", description = "선거 기록 게시판 한 쪽: one page of the frozen board (PROTOCOL.md §8.5)")
    public record BoardPage(@Schema(description = "entries on the frozen board", example = "1000000") long size,
                            @Schema(description = "chain value after the last entry, published when voting ended") String head,
                            @Schema(description = "the first seq asked for", example = "1") long from,
                            @Schema(description = "entries with seq ≥ from, in seq order") List<Entry> entries,
                            @Schema(description = "'from' of the next page; null after the last entry", example = "10001") Long next) {
    }

    @Schema(name = "RecordBatch", description = "선거 기록 묶음: one counting batch (PROTOCOL.md §8.5, §8.6)")
    public record BatchPage(@Schema(description = "the batch, from 0", example = "0") int index,
                            @Schema(description = "the members' trackers in round-1 order") List<String> trackers,
                            @Schema(description = "the members' ciphertexts (§8.1 text) in round-1 order: inputs[i] is trackers[i]'s")
                            List<String> inputs,
                            @Schema(description = "mixing rounds {round, seat, ciphertexts, proof}, in round order") List<Map<String, Object>> mixes,
                            @Schema(description = "the trustees' partial decryptions {contextId, trustee, shares, proofs}, by seat")
                            List<PartialDecryption> decryptions,
                            @Schema(description = "the batch's decrypted ballots in its last round's order: option indexes, or null "
                                    + "when invalid; empty until the ballot is counted") List<int[]> plaintexts) {
    }

    @Inject
    EntityManager em;

    @Inject
    BallotStore ballots;

    @Inject
    CeremonyService ceremony;

    @Inject
    StoredJson json;

    @Inject
    BatchPlanner planner;

    /**
     * The record as one JSON document — for several batches its header — read in a transaction of its own so that its
     * parts agree; 409 while voting is open.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Object> of(UUID id) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        BallotStore.State state = ended(id);
        int[] batches = batches(id);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("protocol", PROTOCOL);
        record.put("group", kr.chamyeo.election.Group.NAME);
        record.put("election", ceremony.view(ballot.electionId()));
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("id", id);
        definition.put("title", ballot.title());
        definition.put("options", ballot.options());
        definition.put("rule", ballot.rule());
        definition.put("width", Selection.width(ballot.options().size()));
        record.put("ballot", definition);
        Map<String, Object> closing = new LinkedHashMap<>();
        closing.put("closedAt", state.closedAt());
        closing.put("early", state.closedAt().isBefore(ballot.closesAt()));
        closing.put("reason", state.closeReason());
        record.put("closing", closing);
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("size", state.boardSize());
        board.put("head", state.boardHead());
        if (batches[0] == 1) {
            board.put("entries", entries(id, 1, state.boardSize()));
        }
        record.put("board", board);
        record.put("rollEntries", ((Number) em.createNativeQuery("select count(*) from voting_roll where ballot_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
        if (batches[0] == 1) {
            record.put("mixes", mixes(id, 0));
            record.put("decryptions", decryptions(id, 0));
            record.put("plaintexts", plaintexts(id, 0, state.boardSize(), 1));
        } else {
            Map<String, Object> counted = new LinkedHashMap<>();
            counted.put("count", batches[0]);
            counted.put("size", batches[1]);
            record.put("batches", counted);
        }
        record.put("result", state.closed() ? result(state) : null);
        return record;
    }

    /** Board entries from seq {@code from} on, at most {@code limit} (≤ {@value #MAX_PAGE}); 409 while voting is open. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BoardPage board(UUID id, long from, int limit) {
        ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        if (from < 1) {
            throw ProblemException.unprocessable("from", "must be a seq, 1 or more");
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.unprocessable("limit", "must be between 1 and " + MAX_PAGE);
        }
        BallotStore.State state = ended(id);
        // Past the end a page is empty; compared first so that a 'from' near Long.MAX_VALUE cannot overflow.
        long to = from > state.boardSize() ? from - 1 : Math.min(state.boardSize(), from - 1 + limit);
        return new BoardPage(state.boardSize(), state.boardHead(), from, entries(id, from, to), to < state.boardSize() ? to + 1 : null);
    }

    /**
     * Batch {@code batch} (PROTOCOL.md §8.6): its members' trackers and ciphertexts in round-1 order, its mixing rounds,
     * decryption shares and — once counted — its plaintexts; 409 while voting is open, 422 for a batch the ballot lacks.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public BatchPage batch(UUID id, int batch) {
        ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        BallotStore.State state = ended(id);
        int batches = batches(id)[0];
        BatchedCounting.requireBatch(batch, batches);
        List<Object[]> members = planner.members(id, batches, batch, "tracker, ciphertexts");
        return new BatchPage(batch, members.stream().map(row -> (String) row[0]).toList(), members.stream().map(row -> (String) row[1]).toList(),
                mixes(id, batch), decryptions(id, batch), plaintexts(id, batch, state.boardSize(), batches));
    }

    private BallotStore.State ended(UUID id) {
        BallotStore.State state = ballots.state(id);
        if ("OPEN".equals(state.status())) {
            throw ProblemException.conflict("ballot-open", "The record is published once voting has ended and the board is final");
        }
        return state;
    }

    /** The number of batches and the batch size they were cut with. */
    private int[] batches(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select coalesce(batches, 1), coalesce(batch_size, 1) from ballot where id = ?1")
                .setParameter(1, id).getSingleResult();
        return new int[] {((Number) row[0]).intValue(), ((Number) row[1]).intValue()};
    }

    private List<Entry> entries(UUID id, long from, long to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, tracker, ciphertexts, proof, chain from board_entry where ballot_id = ?1 "
                + "and seq between ?2 and ?3 order by seq").setParameter(1, id).setParameter(2, from).setParameter(3, to).getResultList();
        return rows.stream().map(row -> new Entry(((Number) row[0]).longValue(), (String) row[1], (String) row[2], (String) row[3],
                (String) row[4])).toList();
    }

    private List<Map<String, Object>> mixes(UUID id, int batch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select round, seat, ciphertexts, cast(proof as text) from mix_round where ballot_id = ?1 "
                + "and batch = ?2 order by round").setParameter(1, id).setParameter(2, batch).getResultList();
        List<Map<String, Object>> mixes = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Map<String, Object> mix = new LinkedHashMap<>();
            mix.put("round", ((Number) row[0]).intValue());
            mix.put("seat", ((Number) row[1]).intValue());
            String text = (String) row[2];
            mix.put("ciphertexts", text.isEmpty() ? List.of() : Arrays.asList(text.split("\n")));
            mix.put("proof", json.tree((String) row[3]));
            mixes.add(mix);
        }
        return mixes;
    }

    private List<PartialDecryption> decryptions(UUID id, int batch) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select shares from decryption_share where ballot_id = ?1 and batch = ?2 order by seat")
                .setParameter(1, id).setParameter(2, batch).getResultList();
        return rows.stream().map(row -> json.read((String) row, PartialDecryption.class)).toList();
    }

    /** Batch {@code batch}'s part of the counted plaintexts, which hold the batches' in batch order; empty until counted. */
    private List<int[]> plaintexts(UUID id, int batch, long boardSize, int batches) {
        String text = (String) em.createNativeQuery("select plaintexts from ballot where id = ?1").setParameter(1, id).getSingleResult();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).skip(BatchAssignment.start(batch, boardSize, batches))
                .limit(BatchAssignment.size(batch, boardSize, batches)).map(line -> json.read(line, int[].class)).toList();
    }

    private Map<String, Object> result(BallotStore.State state) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("voters", state.voters());
        result.put("invalid", state.invalid());
        result.put("tallies", json.tree(state.talliesJson()));
        return result;
    }
}
