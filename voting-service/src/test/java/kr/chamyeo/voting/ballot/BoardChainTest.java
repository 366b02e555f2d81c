package kr.chamyeo.voting.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kr.chamyeo.voting.ballot.BoardChain.Entry;

class BoardChainTest {

    private final UUID ballot = UUID.randomUUID();

    /** PROTOCOL.md §8.2's vector, read from the document so the two cannot drift apart. */
    @Test
    void theProtocolsVectorIsWhatTheChainComputes() throws Exception {
        String document = java.nio.file.Files.readString(java.nio.file.Path.of("election/PROTOCOL.md"));
        int start = document.indexOf("```json board-chain-vector") + "```json board-chain-vector".length();
        com.fasterxml.jackson.databind.JsonNode vector = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(document.substring(start, document.indexOf("```", start)));
        UUID id = UUID.fromString(vector.path("ballotId").asText());
        assertEquals(vector.path("genesis").asText(), BoardChain.genesis(id));
        List<Entry> entries = new ArrayList<>();
        vector.path("entries").forEach(e -> entries.add(new Entry(e.path("seq").asLong(), e.path("tracker").asText(),
                e.path("ciphertexts").asText(), e.path("proof").isNull() ? null : e.path("proof").asText(), e.path("chain").asText())));
        for (Entry entry : entries) {
            // The tracker hashes the ballot's text form (§8.1), here without parsing the stand-in points.
            assertEquals(entry.tracker(), kr.chamyeo.election.Hash.hex("chamyeo/tracker", id, entry.ciphertexts()), "tracker " + entry.seq());
        }
        assertEquals(-1, BoardChain.firstBrokenLink(id, entries, entries.get(1).chain()));
    }

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
