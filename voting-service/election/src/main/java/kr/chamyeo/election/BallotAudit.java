package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Benaloh's audit-or-cast (PROTOCOL.md §4.5; Belenios and ElectionGuard "challenged ballots"): the app reveals
 * the randomness of a ballot it will not cast, and anyone checks that the ciphertexts encrypt what the voter saw.
 * The randomness proves the content, so a ballot that was opened must never be cast (Helios issue #297).
 */
public final class BallotAudit {

    private BallotAudit() {
    }

    /**
     * The chosen option indexes of {@code ballot}, given its revealed randomness r_j: checks α_j = r_j·G for every
     * ciphertext and decodes β_j − r_j·PK; empty when a check fails or the points are no valid selection.
     */
    public static Optional<int[]> open(EncryptedBallot ballot, ECPoint publicKey, int options,
            List<String> randomness) {
        try {
            List<Ciphertext> ciphertexts = ballot.parsedCiphertexts();
            if (randomness.size() != ciphertexts.size()) {
                return Optional.empty();
            }
            ECPoint[] points = new ECPoint[ciphertexts.size()];
            for (int j = 0; j < points.length; j++) {
                BigInteger r = Group.scalar(randomness.get(j));
                Ciphertext c = ciphertexts.get(j);
                if (!c.alpha().equals(Group.base(r))) {
                    return Optional.empty();
                }
                points[j] = c.beta().subtract(Group.fixed(publicKey, r)).normalize();
            }
            return Selection.decode(points, options);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
