package kr.chamyeo.election;

import java.util.List;

/**
 * The ballot tracker (PROTOCOL.md §4.4), the Belenios "smart ballot tracker" (specification v1.5 §4.12) and
 * ElectionGuard's confirmation code in spirit: a hash of what is stored, which the voter finds on the public
 * board. It commits to the ciphertexts only, never to the plaintext, so it proves nothing to a vote buyer.
 */
public final class Tracker {

    private Tracker() {
    }

    /** Hash.hex("chamyeo/tracker", ballotId, ciphertexts): 64 hex digits. */
    public static String of(String ballotId, List<Ciphertext> ciphertexts) {
        return Hash.hex("chamyeo/tracker", ballotId, ciphertexts);
    }

    /**
     * The same hash from the ballot's {@link BallotText} (which is {@code Hash}'s text of the ciphertexts): the vote path
     * writes that text anyway, so the points are encoded once per vote.
     */
    public static String ofText(String ballotId, String ballotText) {
        return Hash.hex("chamyeo/tracker", ballotId, ballotText);
    }
}
