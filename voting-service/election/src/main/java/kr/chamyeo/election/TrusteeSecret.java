package kr.chamyeo.election;

import java.util.List;

/**
 * A trustee's private state (PROTOCOL.md §5), the content of the share file the trustee command keeps on the
 * trustee's own machine and nobody else ever sees. Hex like the public messages, so it is written as JSON.
 *
 * @param electionId   the election (or grouped ballots) this key is for
 * @param index        the trustee's index, 1..trustees
 * @param trustees     n
 * @param threshold    k, the number of trustees any decryption needs
 * @param longTermKey  x_i, whose X_i = x_i·G receives the other trustees' shares
 * @param coefficients a_i0 … a_i,k−1 of the trustee's polynomial between round 1 and round 2, empty otherwise
 *                     (erased once the share is computed: with them the trustee could re-derive what it sent)
 * @param share        s_i after round 2, null before
 */
public record TrusteeSecret(String electionId, int index, int trustees, int threshold, String longTermKey,
        List<String> coefficients, String share) {

    public TrusteeSecret {
        coefficients = List.copyOf(coefficients);
    }
}
