package kr.chamyeo.election;

import java.util.ArrayList;
import java.util.List;

/**
 * A ballot's text form as the board, the counting input, the mixing rounds and the record carry it (PROTOCOL.md §8.1):
 * its ciphertexts {@code alpha,beta} separated by ';'. Shared by the service and the trustee's command, which read and
 * write the same lines.
 */
public final class BallotText {

    private BallotText() {
    }

    public static String of(List<Ciphertext> ballot) {
        StringBuilder text = new StringBuilder(ballot.size() * 134);
        for (Ciphertext c : ballot) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(c.text());
        }
        return text.toString();
    }

    /** The ciphertexts of a ballot of any width; IllegalArgumentException when one is not two valid points. */
    public static List<Ciphertext> parse(String text) {
        String[] parts = text.split(";", -1);
        List<Ciphertext> ballot = new ArrayList<>(parts.length);
        for (String part : parts) {
            ballot.add(Ciphertext.parse(part));
        }
        return ballot;
    }

    /** As {@link #parse(String)}, and exactly {@code width} ciphertexts. */
    public static List<Ciphertext> parse(String text, int width) {
        List<Ciphertext> ballot = parse(text);
        if (ballot.size() != width) {
            throw new IllegalArgumentException("a ballot of this ballot's options is " + width + " ciphertext(s), not " + ballot.size());
        }
        return ballot;
    }
}
