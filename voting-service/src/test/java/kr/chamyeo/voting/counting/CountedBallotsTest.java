package kr.chamyeo.voting.counting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;
import kr.chamyeo.voting.ballot.BallotSpec.RuleType;

/** Decrypted ballots are counted by the ballot's rule; what breaks it is invalid in public, never dropped silently. */
class CountedBallotsTest {

    private static final List<Option> OPTIONS = List.of(new Option("p-1", "독산동 어린이 놀이터 개선", 50_000_000L),
            new Option("p-2", "시흥동 골목 CCTV", 30_000_000L), new Option("p-3", "가산동 쉼터", 20_000_000L));
    private static final Ballot UP_TO_TWO = new Ballot(UUID.randomUUID(), "test", "officer", "2021 금천구 주민참여예산 주민투표", null,
            "11545", null, Eligibility.ANYONE, Instant.now().minusSeconds(60), Instant.now().plusSeconds(60), OPTIONS,
            new Rule(RuleType.APPROVAL, 1, 2, null), false, UUID.randomUUID());

    @Test
    void selectionsTheRuleAllowsAreTalliedAndTheRestListedAsNull() {
        List<int[]> plaintexts = Arrays.asList(new int[] {0}, new int[] {0, 1}, new int[] {0, 1, 2}, null, new int[] {2});
        CountedBallots counted = CountedBallots.of(UP_TO_TWO, plaintexts);
        assertArrayEquals(new long[] {2, 1, 1}, counted.counts());
        assertEquals(3, counted.valid().size());
        assertEquals("[0]\n[0,1]\nnull\nnull\n[2]\n", counted.plaintexts());
        assertEquals(1, counted.chunks());
        assertEquals(List.of(List.of("p-1"), List.of("p-1", "p-2"), List.of("p-3")), counted.chunk(UP_TO_TWO, 0));
    }

    @Test
    void validSelectionsAreChunkedByAThousandInShuffledOrder() {
        List<int[]> plaintexts = new ArrayList<>();
        for (int i = 0; i < 2_001; i++) {
            plaintexts.add(new int[] {i % 3});
        }
        CountedBallots counted = CountedBallots.of(UP_TO_TWO, plaintexts);
        assertEquals(3, counted.chunks());
        assertEquals(1000, counted.chunk(UP_TO_TWO, 0).size());
        assertEquals(List.of(List.of("p-3")), counted.chunk(UP_TO_TWO, 2));
        assertArrayEquals(new long[] {667, 667, 667}, counted.counts());
    }
}
