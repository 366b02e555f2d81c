package kr.chamyeo.voting.counting;

import java.util.ArrayList;
import java.util.List;

import kr.chamyeo.election.Ciphertext;

/**
 * The text form of a list of ballots as the board, the mixing rounds and the record carry it (PROTOCOL.md §8):
 * one ballot per line, its ciphertexts {@code alpha,beta} separated by ';'.
 */
public final class Ciphertexts {

    private Ciphertexts() {
    }

    public static String ballot(Ciphertext[] ciphertexts) {
        StringBuilder text = new StringBuilder(ciphertexts.length * 134);
        for (Ciphertext c : ciphertexts) {
            if (!text.isEmpty()) {
                text.append(';');
            }
            text.append(c.text());
        }
        return text.toString();
    }

    public static Ciphertext[] parseBallot(String text, int width) {
        String[] parts = text.split(";", -1);
        if (parts.length != width) {
            throw new IllegalArgumentException("a ballot of this ballot's options is " + width + " ciphertext(s), not " + parts.length);
        }
        Ciphertext[] ballot = new Ciphertext[width];
        for (int j = 0; j < width; j++) {
            ballot[j] = Ciphertext.parse(parts[j]);
        }
        return ballot;
    }

    public static String list(List<Ciphertext[]> ballots) {
        StringBuilder text = new StringBuilder(ballots.size() * 134);
        for (Ciphertext[] ballot : ballots) {
            text.append(ballot(ballot)).append('\n');
        }
        return text.toString();
    }

    public static List<Ciphertext[]> parseList(List<String> lines, int width) {
        List<Ciphertext[]> ballots = new ArrayList<>(lines.size());
        for (String line : lines) {
            ballots.add(parseBallot(line, width));
        }
        return ballots;
    }
}
