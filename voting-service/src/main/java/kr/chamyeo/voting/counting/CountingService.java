package kr.chamyeo.voting.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.bouncycastle.math.ec.ECPoint;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;

import kr.chamyeo.election.BallotText;
import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Selection;
import kr.chamyeo.election.ThresholdDecryption;
import kr.chamyeo.election.ThresholdDecryption.PartialDecryption;
import kr.chamyeo.election.shuffle.Shuffle;
import kr.chamyeo.election.shuffle.ShuffleProof;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.StoredJson;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.election.ElectionStore;
import kr.chamyeo.voting.election.ElectionStore.Keys;

/**
 * The trustees' side of counting a ballot: each posts a verifiable shuffle, then decryption shares; the service
 * verifies every proof before storing it (a bad one is refused and changes nothing), and the post that completes
 * the quorum of shares decrypts, counts and publishes the ballot in its own transaction.
 */
@ApplicationScoped
public class CountingService {

    @Inject
    EntityManager em;

    @Inject
    BallotStore ballots;

    @Inject
    ElectionStore elections;

    @Inject
    Counter counter;

    @Inject
    StoredJson json;

    /** Heap a ciphertext of the board costs while a step is checked (measured: README, How large a ballot can be counted). */
    @ConfigProperty(name = "chamyeo.voting.counting.heap-per-ciphertext", defaultValue = "5K")
    MemorySize heapPerCiphertext;

    /** A ballot's counting as anyone may follow it. */
    public record Progress(UUID ballotId, String status, int threshold, long boardSize, String boardHead, List<Integer> mixedBy,
                           List<Integer> decryptedBy, Counting.Step step) {
    }

    public Progress progress(UUID id) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        Object[] row = (Object[]) em.createNativeQuery("select status, coalesce(board_size, 0), board_head from ballot where id = ?1")
                .setParameter(1, id).getSingleResult();
        Keys keys = keys(ballot);
        Counting counting = counting(id, keys.threshold());
        return new Progress(id, (String) row[0], keys.threshold(), ((Number) row[1]).longValue(), (String) row[2],
                counting.mixedBy(), counting.decryptedBy(), "CLOSED".equals(row[0]) ? Counting.Step.DONE : counting.step());
    }

    /**
     * What the next step works on: the last mixing round's output, or the board for round 1; one ballot per line.
     * Refused (503) when this replica could not check the step, before a trustee spends minutes on it.
     */
    public List<String> input(UUID id) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        requireCounting(id);
        List<String> previous = lastRound(ballot.id());
        requireCapacity(previous.size(), Selection.width(ballot.options().size()));
        return previous;
    }

    @Transactional
    public int mix(UUID id, String subject, List<String> output, ShuffleProof proof) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        Keys keys = keys(ballot);
        int seat = seat(keys, subject);
        lockCounting(id);
        int round = counting(id, keys.threshold()).roundFor(seat);
        int width = Selection.width(ballot.options().size());
        List<String> previous = lastRound(id);
        requireCapacity(previous.size(), width);
        List<List<Ciphertext>> in = parse("input", previous, width);
        List<List<Ciphertext>> out = parse("ciphertexts", output, width);
        if (out.size() != in.size()) {
            throw ProblemException.unprocessable("ciphertexts", "a shuffle outputs as many ballots as it takes (" + in.size() + ")");
        }
        if (!Shuffle.verify(keys.publicKey(), mixContext(id, round), in, out, proof)) {
            throw ProblemException.unprocessable("proof", "the proof of shuffle does not verify for round " + round
                    + " of this ballot").with("round", round);
        }
        em.createNativeQuery("insert into mix_round (ballot_id, round, seat, ciphertexts, proof) values (?1, ?2, ?3, ?4, cast(?5 as jsonb))")
                .setParameter(1, id).setParameter(2, round).setParameter(3, seat).setParameter(4, String.join("\n", output))
                .setParameter(5, json.write(proof)).executeUpdate();
        return round;
    }

    /** Stores a trustee's shares of the last round; true when they completed the quorum and the ballot is now counted. */
    @Transactional
    public boolean decrypt(UUID id, String subject, PartialDecryption partial) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        Keys keys = keys(ballot);
        int seat = seat(keys, subject);
        lockCounting(id);
        Counting counting = counting(id, keys.threshold());
        counting.requireDecryption(seat);
        if (!id.toString().equals(partial.contextId())) {
            throw ProblemException.unprocessable("contextId", "must be the ballot's id (" + id + ")");
        }
        if (partial.trustee() != seat) {
            throw ProblemException.unprocessable("trustee", "must be the caller's seat (" + seat + ")");
        }
        int width = Selection.width(ballot.options().size());
        List<String> previous = lastRound(id);
        requireCapacity(previous.size(), width);
        List<Ciphertext> last = parse("input", previous, width).stream().flatMap(List::stream).toList();
        if (!ThresholdDecryption.verify(keys.key(), id.toString(), last, partial)) {
            throw ProblemException.unprocessable("proofs", "one share per ciphertext of the last round, each with a proof that "
                    + "verifies against the seat's verification key");
        }
        em.createNativeQuery("insert into decryption_share (ballot_id, seat, shares) values (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, seat).setParameter(3, json.write(partial)).executeUpdate();
        if (counting.decryptedBy().size() + 1 < keys.threshold()) {
            return false;
        }
        counter.finish(ballot, decode(ballot, keys, last, width));
        return true;
    }

    private List<int[]> decode(Ballot ballot, Keys keys, List<Ciphertext> last, int width) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select shares from decryption_share where ballot_id = ?1 order by seat")
                .setParameter(1, ballot.id()).getResultList();
        List<PartialDecryption> partials = rows.stream().limit(keys.threshold())
                .map(row -> json.read((String) row, PartialDecryption.class)).toList();
        // Each partial decryption was verified when its trustee posted it (decrypt above).
        List<ECPoint> points = ThresholdDecryption.combineVerified(keys.key(), last, partials);
        List<int[]> plaintexts = new ArrayList<>(points.size() / width);
        for (int b = 0; b < points.size(); b += width) {
            plaintexts.add(Selection.decode(points.subList(b, b + width).toArray(ECPoint[]::new), ballot.options().size()).orElse(null));
        }
        return plaintexts;
    }

    /** Checked on the previous round's lines, before they are parsed into points (the step's real cost). */
    private void requireCapacity(int ballots, int width) {
        CountingCapacity.of(heapPerCiphertext.asLongValue(), Runtime.getRuntime().maxMemory()).require((long) ballots * width);
    }

    static String mixContext(UUID ballotId, int round) {
        return ballotId + "/mix/" + round;
    }

    private List<String> lastRound(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object> mixed = em.createNativeQuery("select ciphertexts from mix_round where ballot_id = ?1 order by round desc limit 1")
                .setParameter(1, id).getResultList();
        if (!mixed.isEmpty()) {
            String text = (String) mixed.get(0);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
        }
        @SuppressWarnings("unchecked")
        List<Object> board = em.createNativeQuery("select ciphertexts from board_entry where ballot_id = ?1 order by seq")
                .setParameter(1, id).getResultList();
        return board.stream().map(String.class::cast).toList();
    }

    private Counting counting(UUID id, int threshold) {
        @SuppressWarnings("unchecked")
        List<Object> mixed = em.createNativeQuery("select seat from mix_round where ballot_id = ?1 order by round").setParameter(1, id)
                .getResultList();
        @SuppressWarnings("unchecked")
        List<Object> decrypted = em.createNativeQuery("select seat from decryption_share where ballot_id = ?1 order by seat")
                .setParameter(1, id).getResultList();
        return new Counting(threshold, mixed.stream().map(s -> ((Number) s).intValue()).toList(),
                decrypted.stream().map(s -> ((Number) s).intValue()).toList());
    }

    private void requireCounting(UUID id) {
        String status = (String) em.createNativeQuery("select status from ballot where id = ?1").setParameter(1, id).getSingleResult();
        if (!"COUNTING".equals(status)) {
            throw ProblemException.conflict("not-counting", "The ballot is " + status + "; trustees work on it only between the "
                    + "end of voting and the result").with("ballotStatus", status);
        }
    }

    /** Posts for one ballot are serialised on its row, so two trustees never take the same round. */
    private void lockCounting(UUID id) {
        em.createNativeQuery("select 1 from ballot where id = ?1 for update").setParameter(1, id).getResultList();
        requireCounting(id);
    }

    private Keys keys(Ballot ballot) {
        return elections.keys(ballot.electionId()).orElseThrow(() -> new IllegalStateException("Ballot " + ballot.id()
                + " is encrypted under election " + ballot.electionId() + ", which is not ready"));
    }

    private static int seat(Keys keys, String subject) {
        Integer seat = subject == null ? null : keys.seatsBySubject().get(subject);
        if (seat == null) {
            throw ProblemException.forbidden("Only a trustee of this ballot's election may post its counting steps");
        }
        return seat;
    }

    private static List<List<Ciphertext>> parse(String field, List<String> lines, int width) {
        List<List<Ciphertext>> ballots = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            try {
                ballots.add(BallotText.parse(lines.get(i), width));
            } catch (IllegalArgumentException e) {
                throw ProblemException.unprocessable(field + "[" + i + "]", e.getMessage());
            }
        }
        return ballots;
    }
}
