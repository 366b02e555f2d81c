package kr.chamyeo.verifier;

import java.util.List;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A list of ballots in §8.1's text form (a ballot is w ciphertexts {@code alpha,beta} joined by ';'), with its
 * points parsed once: the board is mixing round 1's input and each round's output the next one's input.
 *
 * @param texts the ballots as the record writes them
 * @param alpha alpha[i][k]: component k of ballot i
 * @param beta  beta[i][k]
 */
record BallotList(List<String> texts, int width, ECPoint[][] alpha, ECPoint[][] beta) {

    int size() {
        return texts.size();
    }

    /** Parses every ballot on all cores; the first malformed one fails as {@code <name> <index>}. */
    static BallotList parse(List<String> texts, int width, String name) {
        ECPoint[][] alpha = new ECPoint[texts.size()][width];
        ECPoint[][] beta = new ECPoint[texts.size()][width];
        String[] errors = new String[texts.size()];
        IntStream.range(0, texts.size()).parallel().forEach(i -> {
            String text = texts.get(i);
            String[] ciphertexts = text == null ? new String[0] : text.split(";", -1);
            if (ciphertexts.length != width) {
                errors[i] = "not " + width + " ciphertext(s)";
                return;
            }
            try {
                for (int k = 0; k < width; k++) {
                    String[] pair = P256.pair(ciphertexts[k]);
                    alpha[i][k] = P256.point(pair[0]);
                    beta[i][k] = P256.point(pair[1]);
                }
            } catch (IllegalArgumentException e) {
                errors[i] = e.getMessage();
            }
        });
        for (int i = 0; i < errors.length; i++) {
            Failed.unless(errors[i] == null, name + " " + i, errors[i]);
        }
        return new BallotList(List.copyOf(texts), width, alpha, beta);
    }

    /** §7's text of ballot i: its ciphertexts joined by '/' instead of ';'. */
    String shuffleText(int i) {
        return texts.get(i).replace(';', '/');
    }
}
