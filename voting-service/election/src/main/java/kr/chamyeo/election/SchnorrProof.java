package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A non-interactive Schnorr proof of knowledge of {@code x} with {@code X = x·B} (PROTOCOL.md §4.1), the
 * {@code pok} of Belenios' specification v1.5 §4.4 "Trustee keys" — with the Fiat–Shamir hash extended to the
 * whole statement (Bernhard, Pereira, Warinschi 2012): Belenios hashes only {@code X} and the commitment.
 * <p>
 * Prover: random {@code w}, {@code A = w·B}, {@code c = H(tag, "P-256", B, X, context…, A)},
 * {@code s = w + c·x mod q}. Verifier: {@code A' = s·B − c·X}, accept iff {@code c = H(tag, "P-256", B, X,
 * context…, A')}. The context parts (election id, trustee index, …) bind the proof to where it is used, so a
 * proof cannot be replayed under another election or index.
 */
public record SchnorrProof(BigInteger challenge, BigInteger response) {

    /** Proves knowledge of {@code secret} for the public point {@code secret·base}. */
    public static SchnorrProof prove(String tag, ECPoint base, BigInteger secret, Object... context) {
        return prove(Randomness.SECURE, tag, base, secret, context);
    }

    static SchnorrProof prove(Randomness random, String tag, ECPoint base, BigInteger secret, Object... context) {
        ECPoint publicPoint = Group.mul(base, secret);
        BigInteger w = random.scalar();
        ECPoint commitment = Group.mul(base, w);
        BigInteger c = challenge(tag, base, publicPoint, commitment, context);
        return new SchnorrProof(c, w.add(c.multiply(secret)).mod(Group.order()));
    }

    /** True iff this proves knowledge of the logarithm of {@code publicPoint} to {@code base} in this context. */
    public boolean verify(String tag, ECPoint base, ECPoint publicPoint, Object... context) {
        if (!inRange(challenge) || !inRange(response) || publicPoint.isInfinity()) {
            return false;
        }
        ECPoint commitment = ECAlgorithms.sumOfTwoMultiplies(base, response, publicPoint,
                Group.order().subtract(challenge));
        return challenge.equals(challenge(tag, base, publicPoint, commitment, context));
    }

    private static BigInteger challenge(String tag, ECPoint base, ECPoint publicPoint, ECPoint commitment,
            Object[] context) {
        List<Object> parts = new ArrayList<>(context.length + 4);
        parts.add(Group.NAME);
        parts.add(base);
        parts.add(publicPoint);
        parts.addAll(List.of(context));
        parts.add(commitment);
        return Hash.challenge(tag, parts.toArray());
    }

    static boolean inRange(BigInteger k) {
        return k != null && k.signum() >= 0 && k.compareTo(Group.order()) < 0;
    }

    /** "challengeHex,responseHex". */
    public String text() {
        return Group.hex(challenge) + "," + Group.hex(response);
    }

    /** Parses {@link #text()}; IllegalArgumentException when malformed. */
    public static SchnorrProof parse(String text) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("a proof is 'challenge,response' (two scalars)");
        }
        return new SchnorrProof(Group.scalar(parts[0]), Group.scalar(parts[1]));
    }
}
