package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * One branch of a disjunctive proof in a client ballot (PROTOCOL.md §4.2 interval proofs, §4.3 digit proofs): its
 * commitments, its 128-bit challenge and its response, written {@code "P₁,…,Pₙ,c,s"}. The branches' challenges share the
 * proof's short challenge by exclusive or (Cramer, Damgård and Schoenmakers, CRYPTO 1994, §3): every branch but the true
 * one is simulated with a challenge of its own, and the true one takes what is left.
 */
record Branch(ECPoint[] commitments, BigInteger challenge, BigInteger response) {

    private static final BigInteger CHALLENGES = BigInteger.ONE.shiftLeft(Hash.SHORT_CHALLENGE_BITS);

    /** A simulated branch's challenge: the low 128 bits of a random scalar (one draw, as the vectors replay it). */
    static BigInteger simulatedChallenge(Randomness random) {
        return random.scalar().mod(CHALLENGES);
    }

    /** The branches' challenges combined: their exclusive or, which must equal the proof's short challenge. */
    static BigInteger combined(BigInteger[] challenges) {
        BigInteger combined = BigInteger.ZERO;
        for (BigInteger c : challenges) {
            if (c != null) {
                combined = combined.xor(c);
            }
        }
        return combined;
    }

    static BigInteger combined(List<Branch> branches) {
        return combined(branches.stream().map(Branch::challenge).toArray(BigInteger[]::new));
    }

    /** The proof's {@code size} branches of {@code points} commitments each; IllegalArgumentException when malformed. */
    static List<Branch> parseAll(List<String> proof, int size, int points) {
        if (proof == null || proof.size() != size) {
            throw new IllegalArgumentException("not " + size + " branches");
        }
        List<Branch> branches = new ArrayList<>(size);
        for (String text : proof) {
            String[] parts = text == null ? new String[0] : text.split(",", -1);
            if (parts.length != points + 2) {
                throw new IllegalArgumentException("a branch is " + points + " points, a challenge and a response");
            }
            ECPoint[] commitments = new ECPoint[points];
            for (int i = 0; i < points; i++) {
                commitments[i] = Group.ballotPoint(parts[i]);
            }
            branches.add(new Branch(commitments, Group.shortScalar(parts[points]), Group.scalar(parts[points + 1])));
        }
        return branches;
    }

    /** The branch as a ballot writes it: commitments uncompressed, the challenge in 32 hex digits, the response in 64. */
    static String text(BigInteger challenge, BigInteger response, ECPoint... commitments) {
        StringBuilder text = new StringBuilder();
        for (ECPoint commitment : commitments) {
            text.append(Group.wideHex(commitment)).append(',');
        }
        return text.append(Group.shortHex(challenge)).append(',').append(Group.hex(response)).toString();
    }
}
