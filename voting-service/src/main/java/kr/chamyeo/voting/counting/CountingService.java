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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.runtime.configuration.MemorySize;

import kr.chamyeo.election.BallotText;
import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Selection;
import kr.chamyeo.election.ThresholdDecryption;
import kr.chamyeo.election.ThresholdDecryption.PartialDecryption;
import kr.chamyeo.election.shuffle.MixRound;
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
    BatchPlanner planner;

    @Inject
    StoredJson json;

    /** Heap a ciphertext of the board costs while a step is checked (measured: README, How large a ballot can be counted). */
    @ConfigProperty(name = "chamyeo.voting.counting.heap-per-ciphertext", defaultValue = "5K")
    MemorySize heapPerCiphertext;

    /** A ballot's counting as anyone may follow it. */
    public record Progress(UUID ballotId, String status, int threshold, long boardSize, String boardHead,
                           @Schema(description = "The trustee seats that have shuffled every batch (섞기 완료 관리인)",
                                   example = "[1, 3]") List<Integer> mixedBy,
                           @Schema(description = "The trustee seats that have posted decryption shares for every batch "
                                   + "(부분 복호 완료 관리인)", example = "[]") List<Integer> decryptedBy,
                           @Schema(description = "The least advanced batch's step") Counting.Step step,
                           @Schema(description = "묶음 수 (number of batches) the board is counted in: max(1, ⌈boardSize / "
                                   + "batch size⌉), fixed when voting ends (PROTOCOL.md §8.6)", example = "1") int batches,
                           @Schema(description = "Each batch's progress (묶음별 진행), batch 0 first") List<BatchProgress> byBatch) {
    }

    @Schema(description = "One batch's counting (묶음별 개표 진행)")
    public record BatchProgress(@Schema(example = "0") int batch, @Schema(description = "ballots in the batch", example = "6") long size,
                                @Schema(example = "[1, 3]") List<Integer> mixedBy, @Schema(example = "[]") List<Integer> decryptedBy,
                                Counting.Step step) {
    }

    public Progress progress(UUID id) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        Object[] row = (Object[]) em.createNativeQuery("select status, coalesce(board_size, 0), board_head, coalesce(batches, 1) "
                        + "from ballot where id = ?1").setParameter(1, id).getSingleResult();
        Keys keys = keys(ballot);
        boolean closed = "CLOSED".equals(row[0]);
        long size = ((Number) row[1]).longValue();
        int batches = ((Number) row[3]).intValue();
        BatchedCounting counting = counting(id, batches, keys.threshold());
        List<BatchProgress> byBatch = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            Counting batch = counting.batch(b);
            byBatch.add(new BatchProgress(b, BatchAssignment.size(b, size, batches), batch.mixedBy(), batch.decryptedBy(),
                    closed ? Counting.Step.DONE : batch.step()));
        }
        return new Progress(id, (String) row[0], keys.threshold(), size, (String) row[2], counting.mixedByAll(),
                counting.decryptedByAll(), closed ? Counting.Step.DONE : counting.step(), batches, byBatch);
    }

    /**
     * What the next step of batch {@code batch} works on: its last mixing round's output, or its round-1 input; one
     * ballot per line. Refused (503) when this replica could not check the step, before a trustee spends minutes on it.
     */
    public List<String> input(UUID id, int batch) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        int batches = requireCounting(id);
        BatchedCounting.requireBatch(batch, batches);
        List<String> previous = lastRound(ballot.id(), batches, batch);
        requireCapacity(previous.size(), Selection.width(ballot.options().size()));
        return previous;
    }

    @Transactional
    public int mix(UUID id, String subject, int batch, List<String> output, ShuffleProof proof) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        Keys keys = keys(ballot);
        int seat = seat(keys, subject);
        int batches = lockCounting(id);
        int round = counting(id, batches, keys.threshold()).batch(batch).roundFor(seat);
        int width = Selection.width(ballot.options().size());
        List<String> previous = lastRound(id, batches, batch);
        requireCapacity(previous.size(), width);
        List<List<Ciphertext>> in = parse("input", previous, width);
        List<List<Ciphertext>> out = parse("ciphertexts", output, width);
        if (out.size() != in.size()) {
            throw ProblemException.unprocessable("ciphertexts", "a shuffle outputs as many ballots as it takes (" + in.size() + ")");
        }
        if (!Shuffle.verify(keys.publicKey(), MixRound.context(id.toString(), batches, batch, round), in, out, proof)) {
            throw ProblemException.unprocessable("proof", "the proof of shuffle does not verify for round " + round
                    + " of batch " + batch + " of this ballot").with("round", round).with("batch", batch);
        }
        em.createNativeQuery("insert into mix_round (ballot_id, batch, round, seat, ciphertexts, proof) "
                        + "values (?1, ?2, ?3, ?4, ?5, cast(?6 as jsonb))")
                .setParameter(1, id).setParameter(2, batch).setParameter(3, round).setParameter(4, seat)
                .setParameter(5, String.join("\n", output)).setParameter(6, json.write(proof)).executeUpdate();
        return round;
    }

    /**
     * Stores a trustee's shares of a batch's last round; true when they completed the last quorum and the ballot is now
     * counted. The post completing a batch's quorum decodes that batch; the one completing the last batch counts them all.
     */
    @Transactional
    public boolean decrypt(UUID id, String subject, int batch, PartialDecryption partial) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        Keys keys = keys(ballot);
        int seat = seat(keys, subject);
        int batches = lockCounting(id);
        Counting counting = counting(id, batches, keys.threshold()).batch(batch);
        counting.requireDecryption(seat);
        String context = MixRound.decryptionContext(id.toString(), batches, batch);
        if (!context.equals(partial.contextId())) {
            throw ProblemException.unprocessable("contextId", batches == 1 ? "must be the ballot's id (" + id + ")"
                    : "must be the batch's context (" + context + ")");
        }
        if (partial.trustee() != seat) {
            throw ProblemException.unprocessable("trustee", "must be the caller's seat (" + seat + ")");
        }
        int width = Selection.width(ballot.options().size());
        List<String> previous = lastRound(id, batches, batch);
        requireCapacity(previous.size(), width);
        List<Ciphertext> last = parse("input", previous, width).stream().flatMap(List::stream).toList();
        if (!ThresholdDecryption.verify(keys.key(), context, last, partial)) {
            throw ProblemException.unprocessable("proofs", "one share per ciphertext of the batch's last round, each with a proof "
                    + "that verifies against the seat's verification key");
        }
        em.createNativeQuery("insert into decryption_share (ballot_id, batch, seat, shares) values (?1, ?2, ?3, ?4)")
                .setParameter(1, id).setParameter(2, batch).setParameter(3, seat).setParameter(4, json.write(partial)).executeUpdate();
        if (counting.decryptedBy().size() + 1 < keys.threshold()) {
            return false;
        }
        List<int[]> decoded = decode(ballot, keys, batch, last, width);
        if (batches == 1) {
            counter.finish(ballot, decoded);
            return true;
        }
        em.createNativeQuery("update counting_batch set plaintexts = ?3 where ballot_id = ?1 and batch = ?2").setParameter(1, id)
                .setParameter(2, batch).setParameter(3, CountedBallots.text(decoded)).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object> stored = em.createNativeQuery("select plaintexts from counting_batch where ballot_id = ?1 and plaintexts is not null "
                + "order by batch").setParameter(1, id).getResultList();
        if (stored.size() < batches) {
            return false;
        }
        List<int[]> all = new ArrayList<>();
        stored.forEach(text -> all.addAll(CountedBallots.parse((String) text)));
        counter.finish(ballot, all);
        // The count now holds them all (ballot.plaintexts, in batch order); the batches keep only their members.
        em.createNativeQuery("update counting_batch set plaintexts = null where ballot_id = ?1").setParameter(1, id).executeUpdate();
        return true;
    }

    private List<int[]> decode(Ballot ballot, Keys keys, int batch, List<Ciphertext> last, int width) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("select shares from decryption_share where ballot_id = ?1 and batch = ?2 order by seat")
                .setParameter(1, ballot.id()).setParameter(2, batch).getResultList();
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

    /** The batch's last mixing round's output, or its round-1 input: the board in seq order, or the batch's members. */
    private List<String> lastRound(UUID id, int batches, int batch) {
        @SuppressWarnings("unchecked")
        List<Object> mixed = em.createNativeQuery("select ciphertexts from mix_round where ballot_id = ?1 and batch = ?2 "
                + "order by round desc limit 1").setParameter(1, id).setParameter(2, batch).getResultList();
        if (!mixed.isEmpty()) {
            String text = (String) mixed.get(0);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
        }
        return planner.members(id, batches, batch, "ciphertexts").stream().map(row -> (String) row[0]).toList();
    }

    private BatchedCounting counting(UUID id, int batches, int threshold) {
        @SuppressWarnings("unchecked")
        List<Object[]> mixed = em.createNativeQuery("select batch, seat from mix_round where ballot_id = ?1 order by batch, round")
                .setParameter(1, id).getResultList();
        @SuppressWarnings("unchecked")
        List<Object[]> decrypted = em.createNativeQuery("select batch, seat from decryption_share where ballot_id = ?1 order by batch, seat")
                .setParameter(1, id).getResultList();
        List<Counting> countings = new ArrayList<>(batches);
        for (int b = 0; b < batches; b++) {
            countings.add(new Counting(threshold, seatsOf(mixed, b), seatsOf(decrypted, b)));
        }
        return new BatchedCounting(countings);
    }

    private static List<Integer> seatsOf(List<Object[]> rows, int batch) {
        return rows.stream().filter(row -> ((Number) row[0]).intValue() == batch).map(row -> ((Number) row[1]).intValue()).toList();
    }

    /** 409 unless the ballot is being counted; its number of batches. */
    private int requireCounting(UUID id) {
        Object[] row = (Object[]) em.createNativeQuery("select status, coalesce(batches, 1) from ballot where id = ?1").setParameter(1, id)
                .getSingleResult();
        String status = (String) row[0];
        if (!"COUNTING".equals(status)) {
            throw ProblemException.conflict("not-counting", "The ballot is " + status + "; trustees work on it only between the "
                    + "end of voting and the result").with("ballotStatus", status);
        }
        return ((Number) row[1]).intValue();
    }

    /** Posts for one ballot are serialised on its row, so two trustees never take the same round; its number of batches. */
    private int lockCounting(UUID id) {
        em.createNativeQuery("select 1 from ballot where id = ?1 for update").setParameter(1, id).getResultList();
        return requireCounting(id);
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
