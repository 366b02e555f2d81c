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

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.election.Selection;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.StoredJson;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.election.CeremonyService;

/** Assembles a ballot's public election record (PROTOCOL.md §8) from the stored board, mixes, shares and result. */
@ApplicationScoped
public class ElectionRecord {

    public static final String PROTOCOL = "chamyeo-election/2";

    @Inject
    EntityManager em;

    @Inject
    BallotStore ballots;

    @Inject
    CeremonyService ceremony;

    @Inject
    StoredJson json;

    /** The record as one JSON document, read in a transaction of its own so that its parts agree; 409 while voting is open. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, Object> of(UUID id) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        BallotStore.State state = ballots.state(id);
        if ("OPEN".equals(state.status())) {
            throw ProblemException.conflict("ballot-open", "The record is published once voting has ended and the board is final");
        }
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
        record.put("board", board(id, state));
        record.put("rollEntries", ((Number) em.createNativeQuery("select count(*) from voting_roll where ballot_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
        record.put("mixes", mixes(id));
        record.put("decryptions", decryptions(id));
        record.put("plaintexts", plaintexts(id));
        record.put("result", state.closed() ? result(state) : null);
        return record;
    }

    private Map<String, Object> board(UUID id, BallotStore.State state) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select seq, tracker, ciphertexts, proof, chain from board_entry where ballot_id = ?1 "
                + "and seq <= ?2 order by seq").setParameter(1, id).setParameter(2, state.boardSize()).getResultList();
        List<Map<String, Object>> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("seq", ((Number) row[0]).longValue());
            entry.put("tracker", row[1]);
            entry.put("ciphertexts", row[2]);
            entry.put("proof", row[3]);
            entry.put("chain", row[4]);
            entries.add(entry);
        }
        Map<String, Object> board = new LinkedHashMap<>();
        board.put("size", state.boardSize());
        board.put("head", state.boardHead());
        board.put("entries", entries);
        return board;
    }

    private List<Map<String, Object>> mixes(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select round, seat, ciphertexts, cast(proof as text) from mix_round where ballot_id = ?1 "
                + "order by round").setParameter(1, id).getResultList();
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

    private List<JsonNode> decryptions(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select shares from decryption_share where ballot_id = ?1 order by seat")
                .setParameter(1, id).getResultList();
        return rows.stream().map(row -> json.tree((String) row)).toList();
    }

    private List<JsonNode> plaintexts(UUID id) {
        String text = (String) em.createNativeQuery("select plaintexts from ballot where id = ?1").setParameter(1, id).getSingleResult();
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split("\n")).map(json::tree).toList();
    }

    private Map<String, Object> result(BallotStore.State state) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("voters", state.voters());
        result.put("invalid", state.invalid());
        result.put("tallies", json.tree(state.talliesJson()));
        return result;
    }
}
