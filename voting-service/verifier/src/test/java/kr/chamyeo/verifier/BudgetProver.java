package kr.chamyeo.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The budget part of a client ballot (§4.3) made from its choices' randomness, written from the document as the
 * verifier is, so that a test can send ballots the vectors do not show: the digits of the unspent budget in as many
 * digits as it likes with every proof valid, digit proofs whose challenges split the hash by the sum instead of the
 * exclusive or, or a link proof simulated without knowing ρ and τ.
 */
final class BudgetProver {

    private static final ECPoint H = ClientBallot.BUDGET_GENERATOR;
    private static final BigInteger Q = P256.Q;
    private static final BigInteger SHORT = BigInteger.ONE.shiftLeft(128);

    private final ClientBallot client;
    private final ECPoint publicKey;
    private final boolean summing;
    /** Seeded: a failing test fails the same way every time. */
    private final Random random = new Random(20_260_403);

    BudgetProver(ClientBallot client, ECPoint publicKey) {
        this(client, publicKey, false);
    }

    private BudgetProver(ClientBallot client, ECPoint publicKey, boolean summing) {
        this.client = client;
        this.publicKey = publicKey;
        this.summing = summing;
    }

    /**
     * A prover whose digit proofs split the hash c as the sum did before challenges were short: c_y = c − Σ_{k≠y} c_k,
     * the simulated c_k of 100 bits so that c_y stays a short challenge. The sum of the four is c, every equation
     * holds and every part has its form: only the check ⊕ c_k = c (§4.3) refuses such a proof.
     */
    static BudgetProver summing(ClientBallot client, ECPoint publicKey) {
        return new BudgetProver(client, publicKey, true);
    }

    /**
     * Sets {@code budgetDigits}, {@code budgetDigitProofs} and {@code budgetProof} of {@code proof}: the unspent
     * budget y (mod q: a cheater's may be "negative") in {@code digits} base-4 digits, their digit proofs and the link
     * proof for the residue R = (ρ·G, y·G + ρ·PK) of the choices.
     */
    void prove(ObjectNode proof, ECPoint[][] choices, BigInteger rho, BigInteger unspent, int digits) {
        ECPoint[] commitments = new ECPoint[digits];
        BigInteger tau = BigInteger.ZERO;
        ArrayNode digitTexts = proof.putArray("budgetDigits");
        ArrayNode digitProofs = proof.putArray("budgetDigitProofs");
        BigInteger rest = unspent;
        for (int j = 0; j < digits; j++) {
            int value = rest.intValue() & 3;
            rest = rest.shiftRight(2);
            BigInteger t = draw();
            commitments[j] = P256.G.multiply(BigInteger.valueOf(value)).add(H.multiply(t)).normalize();
            tau = tau.add(BigInteger.valueOf(4).pow(j).multiply(t));
            digitTexts.add(P256.hex(commitments[j]));
            ArrayNode branches = digitProofs.addArray();
            digitProof(j, commitments[j], value, t).forEach(branches::add);
        }
        if (rest.signum() != 0) {
            throw new IllegalArgumentException(unspent + " has more than " + digits + " base-4 digits");
        }
        BigInteger w1 = draw();
        BigInteger w2 = draw();
        ECPoint a = P256.G.multiply(w1).normalize();
        ECPoint b = publicKey.multiply(w1).subtract(H.multiply(w2)).normalize();
        BigInteger c = P256.shortChallengeOf(ClientBallot.BUDGET_TAG, client.linkStatement(choices, commitments, a, b));
        proof.putArray("budgetProof").add(String.join(",", P256.hex(a), P256.hex(b), shortHex(c),
                P256.hex(w1.add(c.multiply(rho)).mod(Q)), P256.hex(w2.add(c.multiply(tau)).mod(Q))));
    }

    /**
     * §4.3: the four branches "A_k,c_k,s_k" of D = y·G + t·H, the branch k = y real and the others simulated; c_y = c ⊕
     * (⊕_{k≠y} c_k), or c − Σ_{k≠y} c_k when {@link #summing}.
     */
    private List<String> digitProof(int j, ECPoint digit, int value, BigInteger t) {
        BigInteger[] c = new BigInteger[4];
        BigInteger[] s = new BigInteger[4];
        ECPoint[] a = new ECPoint[4];
        BigInteger w = null;
        for (int k = 0; k < 4; k++) {
            if (k == value) {
                w = draw();
                a[k] = H.multiply(w).normalize();
            } else {
                c[k] = summing ? draw().mod(BigInteger.ONE.shiftLeft(100)) : draw().mod(SHORT);
                s[k] = draw();
                a[k] = H.multiply(s[k]).subtract(digit.subtract(P256.G.multiply(BigInteger.valueOf(k))).multiply(c[k])).normalize();
            }
        }
        List<String> commitments = new ArrayList<>();
        for (ECPoint point : a) {
            commitments.add(P256.hex(point));
        }
        BigInteger real = P256.shortChallengeOf(ClientBallot.DIGIT_TAG, client.digitStatement(j, digit, commitments));
        for (int k = 0; k < 4; k++) {
            if (k != value) {
                real = summing ? real.subtract(c[k]) : real.xor(c[k]);
            }
        }
        if (real.signum() < 0) {
            throw new IllegalStateException("the simulated challenges sum past the hash; draw them smaller");
        }
        c[value] = real;
        s[value] = w.add(c[value].multiply(t)).mod(Q);
        List<String> branches = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            branches.add(String.join(",", commitments.get(k), shortHex(c[k]), P256.hex(s[k])));
        }
        return branches;
    }

    /**
     * A link proof made backwards from a chosen c, s₁, s₂ (A = s₁·G − c·α_R, B = s₁·PK − s₂·H − c·(β_R − D)): both
     * equations hold for any residue and digits, so only its hash stands between a forger and any budget.
     */
    String simulatedLink(ECPoint[][] choices, ECPoint[] digits) {
        ECPoint[] residue = client.residue(choices);
        BigInteger c = draw().mod(SHORT);
        BigInteger s1 = draw();
        BigInteger s2 = draw();
        ECPoint a = P256.twoTerms(P256.G, s1, residue[0], Q.subtract(c));
        ECPoint b = ECAlgorithms.sumOfMultiplies(new ECPoint[] {publicKey, H, residue[1].subtract(ClientBallot.digitSum(digits))},
                new BigInteger[] {s1, Q.subtract(s2), Q.subtract(c)}).normalize();
        return String.join(",", P256.hex(a), P256.hex(b), shortHex(c), P256.hex(s1), P256.hex(s2));
    }

    /** §2: a short challenge in its 32 hex digits. */
    private static String shortHex(BigInteger c) {
        return String.format("%032x", c);
    }

    /** §1: a 320-bit random integer mod q (zero is too unlikely to redraw in a test). */
    private BigInteger draw() {
        return new BigInteger(320, random).mod(Q);
    }
}
