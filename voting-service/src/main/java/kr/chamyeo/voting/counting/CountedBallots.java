package kr.chamyeo.voting.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import kr.chamyeo.voting.ballot.Ballot;

/**
 * Decrypted ballots counted (PROTOCOL.md §8.4), in memory and without a server: a selection the ballot's rule does not
 * allow (or none) counts as invalid; the tallies; the public list of plaintexts in shuffled order, one line each and
 * "null" for an invalid one; and the valid ones in chunks of option keys, as {@code BallotBoxChunk}s carry them.
 *
 * @param counts     votes per option index
 * @param valid      the valid selections, in shuffled order
 * @param plaintexts the stored list
 */
public record CountedBallots(long[] counts, List<int[]> valid, String plaintexts) {

    /** Valid selections per {@code BallotBoxChunk}. */
    public static final int CHUNK = 1000;

    /** @param plaintexts the decrypted ballots in shuffled order: chosen option indexes, or null when invalid */
    public static CountedBallots of(Ballot ballot, List<int[]> plaintexts) {
        long[] counts = new long[ballot.options().size()];
        List<int[]> valid = new ArrayList<>(plaintexts.size());
        StringBuilder stored = new StringBuilder(plaintexts.size() * 6);
        for (int[] chosen : plaintexts) {
            boolean allowed = chosen != null && ballot.allows(chosen);
            if (allowed) {
                valid.add(chosen);
                for (int index : chosen) {
                    counts[index]++;
                }
            }
            stored.append(line(allowed ? chosen : null)).append('\n');
        }
        return new CountedBallots(counts, valid, stored.toString());
    }

    /** Decoded ballots in the stored form: one line each, {@code [0,2]} or {@code null}. */
    public static String text(List<int[]> plaintexts) {
        StringBuilder text = new StringBuilder(plaintexts.size() * 6);
        plaintexts.forEach(chosen -> text.append(line(chosen)).append('\n'));
        return text.toString();
    }

    /** The inverse of {@link #text}. */
    public static List<int[]> parse(String text) {
        List<int[]> plaintexts = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.equals("null")) {
                plaintexts.add(null);
            } else if (!line.isEmpty()) {
                String inner = line.substring(1, line.length() - 1);
                plaintexts.add(inner.isEmpty() ? new int[0] : Arrays.stream(inner.split(",")).mapToInt(Integer::parseInt).toArray());
            }
        }
        return plaintexts;
    }

    private static String line(int[] chosen) {
        return chosen == null ? "null" : Arrays.toString(chosen).replace(" ", "");
    }

    public int chunks() {
        return (valid.size() + CHUNK - 1) / CHUNK;
    }

    /** Chunk {@code chunk}'s selections as option keys. */
    public List<List<String>> chunk(Ballot ballot, int chunk) {
        List<List<String>> entries = new ArrayList<>(CHUNK);
        for (int[] chosen : valid.subList(chunk * CHUNK, Math.min(valid.size(), (chunk + 1) * CHUNK))) {
            List<String> keys = new ArrayList<>(chosen.length);
            for (int index : chosen) {
                keys.add(ballot.keyOf(index));
            }
            entries.add(keys);
        }
        return entries;
    }
}
