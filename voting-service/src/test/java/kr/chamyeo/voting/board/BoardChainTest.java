package kr.chamyeo.voting.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kr.chamyeo.voting.board.BoardChain.Entry;

class BoardChainTest {

    private final UUID ballot = UUID.randomUUID();

    @Test
    void anIntactBoardReachesItsHead() {
        List<Entry> board = board(5);
        assertEquals(-1, BoardChain.firstBrokenLink(ballot, board, board.get(4).chain()));
    }

    @Test
    void aRemovedEntryIsNamed() {
        List<Entry> board = board(5);
        String head = board.get(4).chain();
        board.remove(2);
        assertEquals(3, BoardChain.firstBrokenLink(ballot, board, head));
    }

    @Test
    void anAlteredCiphertextIsNamedEvenWithItsStoredChainValueKept() {
        List<Entry> board = board(5);
        Entry third = board.get(2);
        board.set(2, new Entry(3, third.tracker(), third.ciphertexts().replace('2', '3'), null, third.chain()));
        assertEquals(3, BoardChain.firstBrokenLink(ballot, board, board.get(4).chain()));
    }

    @Test
    void aRewrittenTailStillMissesThePublishedHead() {
        List<Entry> board = board(5);
        String published = board.get(4).chain();
        // The operator drops the last entry and recomputes nothing else: every link holds, the head does not.
        board.remove(4);
        assertEquals(5, BoardChain.firstBrokenLink(ballot, board, published));
    }

    @Test
    void anotherBallotsChainDoesNotFit() {
        List<Entry> board = board(2);
        assertEquals(1, BoardChain.firstBrokenLink(UUID.randomUUID(), board, board.get(1).chain()));
    }

    private List<Entry> board(int size) {
        List<Entry> entries = new ArrayList<>();
        String chain = BoardChain.genesis(ballot);
        for (long seq = 1; seq <= size; seq++) {
            String tracker = "%064x".formatted(seq);
            String ciphertexts = "02" + "%064x".formatted(seq * 7) + ",03" + "%064x".formatted(seq * 11);
            chain = BoardChain.next(chain, seq, tracker, ciphertexts, null);
            entries.add(new Entry(seq, tracker, ciphertexts, null, chain));
        }
        return entries;
    }
}
