package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.math.ec.ECPoint;

/**
 * Benaloh's audit-or-cast (PROTOCOL.md §4.5; Belenios and ElectionGuard "challenged ballots"): the app reveals
 * the randomness of a ballot it will not cast, and anyone checks that the choices encrypt what the voter saw.
 * The randomness proves the content, so a ballot that was opened must never be cast (Helios issue #297).
 */
public final class BallotAudit {

    private BallotAudit() {
    }

    /**
     * The chosen option indexes of {@code ballot}, given the revealed randomness r_i of its choices: checks
     * α_i = r_i·G and that β_i − r_i·PK is O (not chosen) or G (chosen); empty when a check fails.
     */
    public static Optional<int[]> open(EncryptedBallot ballot, ECPoint publicKey, int options, List<String> randomness) {
        try {
            List<Ciphertext> choices = ballot.parsedChoices();
            if (choices.size() != options || randomness.size() != options) {
                return Optional.empty();
            }
            List<Integer> chosen = new ArrayList<>();
            for (int i = 0; i < options; i++) {
                BigInteger r = Group.scalar(randomness.get(i));
                Ciphertext c = choices.get(i);
                if (!c.alpha().equals(Group.base(r))) {
                    return Optional.empty();
                }
                ECPoint plaintext = c.beta().subtract(Group.fixed(publicKey, r));
                if (plaintext.equals(Group.generator())) {
                    chosen.add(i);
                } else if (!plaintext.isInfinity()) {
                    return Optional.empty();
                }
            }
            return Optional.of(chosen.stream().mapToInt(Integer::intValue).toArray());
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
