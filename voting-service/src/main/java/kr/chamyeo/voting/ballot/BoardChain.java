package kr.chamyeo.voting.ballot;

import java.util.UUID;

import kr.chamyeo.election.Hash;

/**
 * The public board's hash chain (PROTOCOL.md §8). The chain starts at {@code H("chamyeo/board", ballotId)} and
 * each cast entry moves it on to {@code H("chamyeo/board-entry", previous, seq, tracker, ciphertexts, proof or "-")}.
 * A voter who keeps the chain value of their entry, and anyone who saw a published head, can tell when an entry
 * before it was later removed, reordered or changed: the chain from that entry on no longer reaches the head.
 */
public final class BoardChain {

    private BoardChain() {
    }

    public static String genesis(UUID ballotId) {
        return Hash.hex("chamyeo/board", ballotId);
    }

    public static String next(String previous, long seq, String tracker, String ciphertexts, String proof) {
        return Hash.hex("chamyeo/board-entry", previous, seq, tracker, ciphertexts, proof == null ? "-" : proof);
    }

    /** A board entry as stored and published. */
    public record Entry(long seq, String tracker, String ciphertexts, String proof, String chain) {
    }

    /**
     * Walks entries 1..n from the genesis and returns the first entry whose chain value or position is wrong, or
     * -1 when every link holds and the last one equals {@code head}; {@code n + 1} when only the head differs.
     */
    public static long firstBrokenLink(UUID ballotId, java.util.List<Entry> entries, String head) {
        String chain = genesis(ballotId);
        long expected = 1;
        for (Entry entry : entries) {
            chain = next(chain, expected, entry.tracker(), entry.ciphertexts(), entry.proof());
            if (entry.seq() != expected || !chain.equals(entry.chain())) {
                return expected;
            }
            expected++;
        }
        return chain.equals(head) ? -1 : expected;
    }
}
