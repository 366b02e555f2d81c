package kr.chamyeo.voting.counting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import kr.chamyeo.election.Hash;

/** PROTOCOL.md §8.6: how many batches, where each begins, and which entries go where in which order. */
class BatchAssignmentTest {

    private static final UUID BALLOT = UUID.fromString("6f1e0d3c-8a43-4a0e-9a55-0d8b2b1f4c11");
    private static final String HEAD = "18279febf52f4eb0541d49178350f64c598fa6f9fff8af332b91b78e1bbbd1bd";

    @Test
    void aBoardIsOneBatchUpToTheBatchSizeAndThenAsFewAsHoldIt() {
        assertEquals(1, BatchAssignment.count(0, 100_000));
        assertEquals(1, BatchAssignment.count(100_000, 100_000));
        assertEquals(2, BatchAssignment.count(100_001, 100_000));
        assertEquals(10, BatchAssignment.count(1_000_000, 100_000));
        assertEquals(3, BatchAssignment.count(7, 3));
        assertThrows(IllegalArgumentException.class, () -> BatchAssignment.count(7, 0));
    }

    @Test
    void batchesAreFloorCutsOfTheSortedBoardSoTheirSizesDifferByAtMostOne() {
        // 7 entries in 3 batches: [0, 2), [2, 4), [4, 7).
        assertEquals(List.of(0L, 2L, 4L, 7L), IntStream.rangeClosed(0, 3).mapToObj(b -> BatchAssignment.start(b, 7, 3)).toList());
        assertEquals(List.of(2, 2, 3), IntStream.range(0, 3).mapToObj(b -> BatchAssignment.size(b, 7, 3)).toList());
        // 1,000,001 ballots in batches of 100,000: 11 batches of 90,909 or 90,910, never fewer than half a batch.
        int batches = BatchAssignment.count(1_000_001, 100_000);
        assertEquals(11, batches);
        List<Integer> sizes = IntStream.range(0, batches).mapToObj(b -> BatchAssignment.size(b, 1_000_001, batches)).toList();
        assertEquals(1_000_001, sizes.stream().mapToInt(Integer::intValue).sum());
        assertEquals(90_909, sizes.stream().mapToInt(Integer::intValue).min().orElseThrow());
        assertEquals(90_910, sizes.stream().mapToInt(Integer::intValue).max().orElseThrow());
    }

    @Test
    void entriesGoInTheOrderOfTheirKeyOverBallotHeadAndTrackerNotInSeqOrder() {
        List<String> trackers = LongStream.rangeClosed(1, 7).mapToObj(seq -> Hash.hex("chamyeo/example", seq)).toList();
        BatchAssignment.Sorter sorter = new BatchAssignment.Sorter(BALLOT, HEAD);
        for (int i = 0; i < trackers.size(); i++) {
            sorter.add(i + 1, trackers.get(i));
        }
        List<long[]> batches = sorter.batches(3);

        // The rule written out with hex strings, as PROTOCOL.md states it.
        List<Long> sorted = new ArrayList<>(LongStream.rangeClosed(1, 7).boxed().toList());
        sorted.sort(Comparator.comparing(seq -> Hash.hex("chamyeo/batch", BALLOT.toString(), HEAD, trackers.get((int) (seq - 1)))));
        assertArrayEquals(sorted.subList(0, 2).stream().mapToLong(Long::longValue).toArray(), batches.get(0));
        assertArrayEquals(sorted.subList(2, 4).stream().mapToLong(Long::longValue).toArray(), batches.get(1));
        assertArrayEquals(sorted.subList(4, 7).stream().mapToLong(Long::longValue).toArray(), batches.get(2));
        assertEquals(List.of(7L, 1L, 6L, 3L, 2L, 5L, 4L), sorted, "the example's assignment (PROTOCOL.md §8.6)");

        // Another head (another board) draws other batches from the same trackers.
        BatchAssignment.Sorter other = new BatchAssignment.Sorter(BALLOT, "0".repeat(64));
        for (int i = 0; i < trackers.size(); i++) {
            other.add(i + 1, trackers.get(i));
        }
        assertNotEquals(order(batches), order(other.batches(3)));
    }

    private static List<Long> order(List<long[]> batches) {
        return batches.stream().flatMap(seqs -> Arrays.stream(seqs).boxed()).toList();
    }

    @Test
    void theKeyIsTheHashOfItsTextAndItsBytesSortAsItsHex() {
        String tracker = Hash.hex("chamyeo/example", 1);
        assertEquals(Hash.hex("chamyeo/batch", BALLOT, HEAD, tracker), HexFormat.of().formatHex(BatchAssignment.sortKey(BALLOT, HEAD, tracker)));
    }
}
