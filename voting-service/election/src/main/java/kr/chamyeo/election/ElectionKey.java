package kr.chamyeo.election;

import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The public outcome of the key ceremony (PROTOCOL.md §5.4): the election public key PK = Σ_i K_i0 and every
 * trustee's verification key S_j = s_j·G, each of which anyone recomputes from the round-1 commitments alone
 * ({@link KeyCeremony#electionKey}). Belenios specification v1.5 §4.5.7 "Threshold parameters" publishes the same:
 * the threshold and every trustee's verification key.
 *
 * @param shareKeys S_1 … S_n in trustee order (index j at position j − 1)
 */
public record ElectionKey(String electionId, int trustees, int threshold, String publicKey, List<String> shareKeys) {

    public ElectionKey {
        shareKeys = List.copyOf(shareKeys);
    }

    public ECPoint publicPoint() {
        return Group.point(publicKey);
    }

    /** S_j for trustee j in 1..n. */
    public ECPoint shareKey(int trustee) {
        if (trustee < 1 || trustee > shareKeys.size()) {
            throw new IllegalArgumentException("no trustee " + trustee + " among " + shareKeys.size());
        }
        return Group.point(shareKeys.get(trustee - 1));
    }
}
