package kr.chamyeo.voting.counting;

import java.util.ArrayList;
import java.util.List;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * A ballot's counting batch by batch (PROTOCOL.md §8.6): each batch is mixed and decrypted exactly as a whole ballot
 * is ({@link Counting}), and the ballot is counted once every batch has its quorum of decryption shares.
 *
 * @param batches batch b's counting at index b
 */
public record BatchedCounting(List<Counting> batches) {

    public BatchedCounting {
        batches = List.copyOf(batches);
    }

    /** Batch {@code batch}'s counting; 422 naming {@code batch} when the ballot has no such batch. */
    public Counting batch(int batch) {
        requireBatch(batch, batches.size());
        return batches.get(batch);
    }

    /** 422 naming {@code batch} unless 0 ≤ batch < batches. */
    public static void requireBatch(int batch, int batches) {
        if (batch < 0 || batch >= batches) {
            throw ProblemException.unprocessable("batch", "must be between 0 and " + (batches - 1)
                    + ": this ballot is counted in " + batches + " batch(es)").with("batches", batches);
        }
    }

    /** The least advanced batch's step: MIX while any batch still mixes, DONE when every batch is decrypted. */
    public Counting.Step step() {
        return batches.stream().map(Counting::step).min(Enum::compareTo).orElse(Counting.Step.DONE);
    }

    /** The seats that have shuffled every batch (for one batch, simply its mixers in round order). */
    public List<Integer> mixedByAll() {
        return inEvery(batches.stream().map(Counting::mixedBy).toList());
    }

    /** The seats that have posted shares for every batch. */
    public List<Integer> decryptedByAll() {
        return inEvery(batches.stream().map(Counting::decryptedBy).toList());
    }

    private static List<Integer> inEvery(List<List<Integer>> seats) {
        List<Integer> common = new ArrayList<>(seats.isEmpty() ? List.of() : seats.get(0));
        seats.forEach(common::retainAll);
        return common;
    }
}
