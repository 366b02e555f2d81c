package kr.chamyeo.voting.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import kr.chamyeo.election.Hash;

/**
 * How a frozen board is split into counting batches (묶음, PROTOCOL.md §8.6). A board of N entries is counted in
 * B = max(1, ⌈N / batchSize⌉) batches, each shuffled and decrypted on its own, so that no counting step holds more than
 * one batch in a request or a heap. With B > 1 every entry goes by its sort key
 * {@code Hash.hex("chamyeo/batch", ballotId, boardHead, tracker)}; the entries sorted by that key ascending are cut
 * into B runs, batch b being the sorted positions [⌊b·N/B⌋, ⌊(b+1)·N/B⌋), in that order its round-1 input. The
 * batches' outputs are public, so batches of consecutive seqs would show how the voters of one hour voted; the key
 * mixes every hour into every batch, and the board head it depends on is fixed when voting ends, so nobody chooses
 * the assignment after seeing the board. With B = 1 the board is one batch in seq order, as before batches existed.
 */
public final class BatchAssignment {

    private BatchAssignment() {
    }

    /** B for a board of {@code boardSize} entries and batches of at most {@code batchSize}. */
    public static int count(long boardSize, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size " + batchSize + " < 1");
        }
        return (int) Math.max(1, (boardSize + batchSize - 1) / batchSize);
    }

    /** The first sorted position of batch {@code batch}: ⌊batch·N/B⌋ (batch = B gives N, the end of the last). */
    public static long start(int batch, long boardSize, int batches) {
        return Math.floorDiv(batch * boardSize, batches);
    }

    /** The number of entries of batch {@code batch}. */
    public static int size(int batch, long boardSize, int batches) {
        return (int) (start(batch + 1, boardSize, batches) - start(batch, boardSize, batches));
    }

    /** An entry's sort key as 32 bytes; ascending unsigned byte order is the ascending order of its hex form. */
    public static byte[] sortKey(UUID ballotId, String boardHead, String tracker) {
        return Hash.digest("chamyeo/batch", ballotId, boardHead, tracker);
    }

    /**
     * Collects a board's entries (seq, tracker) one at a time, keeping 32 bytes and a seq per entry rather than the
     * entries themselves, and sorts them into batches.
     */
    public static final class Sorter {

        private record Keyed(byte[] key, long seq) {
        }

        private final UUID ballotId;
        private final String boardHead;
        private final List<Keyed> entries = new ArrayList<>();

        public Sorter(UUID ballotId, String boardHead) {
            this.ballotId = ballotId;
            this.boardHead = boardHead;
        }

        public void add(long seq, String tracker) {
            entries.add(new Keyed(sortKey(ballotId, boardHead, tracker), seq));
        }

        /** Each batch's seqs in round-1 order. Trackers are unique on a board, so no two keys tie. */
        public List<long[]> batches(int batches) {
            entries.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
            List<long[]> assigned = new ArrayList<>(batches);
            for (int b = 0; b < batches; b++) {
                int from = (int) start(b, entries.size(), batches);
                long[] seqs = new long[size(b, entries.size(), batches)];
                for (int i = 0; i < seqs.length; i++) {
                    seqs[i] = entries.get(from + i).seq();
                }
                assigned.add(seqs);
            }
            return assigned;
        }
    }
}
