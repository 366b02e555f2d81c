package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The proof that a BUDGET ballot's chosen costs stay within the limit (PROTOCOL.md §4.3, "budget"): the unspent budget
 * y = L′ − Σ c′_i·x_i, in budget units, is at least 0 because it is the sum of d base-4 digits y_j·4^j, each held in a
 * Pedersen commitment D_j = y_j·G + t_j·H with a proof that y_j ∈ {0, 1, 2, 3} (the disjunction of Cramer, Damgård and
 * Schoenmakers 1994 on one equation per branch), and a link proof (two equations sharing a response, as Chaum–Pedersen)
 * that the choices' residue ciphertext encrypts the value Σ 4^j·D_j commits to.
 * <p>
 * Why commitments and not ElGamal ciphertexts per bit, as before: a digit's commitment is one point instead of two,
 * its branch one equation instead of two, and base 4 halves the digits; a verifier's batch pays one full-length and
 * four short terms per two bits where bits cost four and eight. H is derived by hashing to the curve (§7.2), so nobody
 * knows log_G H and no one — not even a quorum of trustees, who together know the election key's logarithm — can open
 * a commitment to two values.
 */
final class BudgetProof {

    static final String DIGIT_TAG = "chamyeo/budget-digit";
    static final String TAG = "chamyeo/budget";
    /** H: the second generator of the digit commitments. One object, so that batches of many ballots share its term. */
    static final ECPoint GENERATOR = Group.independentGenerator(Hash.hex("chamyeo/budget/seed", Group.NAME), 1);

    private static final int BASE = 4;

    /** The budget fields of a ballot: the digit commitments, their proofs and the link proof, as the ballot writes them. */
    record Proven(List<String> digits, List<List<String>> digitProofs, List<String> link) {
    }

    private BudgetProof() {
    }

    static String digitLabel(int digit) {
        return "budget-digit/" + digit;
    }

    /** d = ⌈b/2⌉: the base-4 digits that hold any unspent amount up to the limit. */
    static int digits(SelectionRule rule) {
        return (rule.budgetBits() + 1) / 2;
    }

    /** Proves, with the choices' values {@code x} and randomness {@code r}, that their cost stays within the limit. */
    static Proven prove(Randomness random, ECPoint publicKey, String ballotId, SelectionRule rule, List<Ciphertext> choices,
            int[] x, List<BigInteger> r) {
        BigInteger q = Group.order();
        Units units = Units.of(rule);
        long unspent = units.limit();
        BigInteger rho = BigInteger.ZERO;
        for (int i = 0; i < x.length; i++) {
            unspent -= units.costs().get(i) * x[i];
            rho = rho.subtract(BigInteger.valueOf(units.costs().get(i)).multiply(r.get(i)));
        }
        if (unspent < 0) {
            throw new IllegalArgumentException("the chosen costs exceed the budget limit");
        }
        int count = digits(rule);
        List<ECPoint> commitments = new ArrayList<>(count);
        List<List<String>> digitProofs = new ArrayList<>(count);
        BigInteger tau = BigInteger.ZERO;
        for (int j = 0; j < count; j++) {
            int digit = (int) ((unspent >>> (2 * j)) & (BASE - 1));
            BigInteger t = random.scalar();
            ECPoint commitment = Group.base(BigInteger.valueOf(digit)).add(Group.fixed(GENERATOR, t)).normalize();
            commitments.add(commitment);
            digitProofs.add(proveDigit(random, publicKey, ballotId, j, commitment, digit, t));
            tau = tau.add(t.shiftLeft(2 * j));
        }
        String link = proveLink(random, publicKey, ballotId, units, choices, commitments, rho.mod(q), tau.mod(q));
        return new Proven(commitments.stream().map(Group::wideHex).toList(), digitProofs, List.of(link));
    }

    private static List<String> proveDigit(Randomness random, ECPoint publicKey, String ballotId, int j, ECPoint commitment,
            int digit, BigInteger t) {
        BigInteger q = Group.order();
        ECPoint[] a = new ECPoint[BASE];
        BigInteger[] c = new BigInteger[BASE];
        BigInteger[] s = new BigInteger[BASE];
        BigInteger w = null;
        for (int k = 0; k < BASE; k++) {
            if (k == digit) {
                w = random.scalar();
                a[k] = Group.fixed(GENERATOR, w);
            } else {
                c[k] = Branch.simulatedChallenge(random);
                s[k] = random.scalar();
                a[k] = ECAlgorithms.sumOfTwoMultiplies(GENERATOR, s[k], shifted(commitment, k), q.subtract(c[k])).normalize();
            }
        }
        c[digit] = digitChallenge(publicKey, ballotId, j, commitment, a).xor(Branch.combined(c));
        s[digit] = w.add(c[digit].multiply(t)).mod(q);
        List<String> proof = new ArrayList<>(BASE);
        for (int k = 0; k < BASE; k++) {
            proof.add(Branch.text(c[k], s[k], a[k]));
        }
        return proof;
    }

    private static String proveLink(Randomness random, ECPoint publicKey, String ballotId, Units units,
            List<Ciphertext> choices, List<ECPoint> commitments, BigInteger rho, BigInteger tau) {
        BigInteger q = Group.order();
        BigInteger w1 = random.scalar();
        BigInteger w2 = random.scalar();
        ECPoint a = Group.base(w1);
        ECPoint b = Group.fixed(publicKey, w1).subtract(Group.fixed(GENERATOR, w2)).normalize();
        BigInteger c = linkChallenge(publicKey, ballotId, units, choices, commitments, a, b);
        return Group.wideHex(a) + "," + Group.wideHex(b) + "," + Group.shortHex(c) + ","
                + Group.hex(w1.add(c.multiply(rho)).mod(q)) + "," + Group.hex(w2.add(c.multiply(tau)).mod(q));
    }

    /**
     * Checks the budget fields' form and hashes and adds their equations to {@code batch}; the name of the first field
     * that fails, or empty. The lists' sizes are checked by the caller.
     */
    static Optional<String> check(ECPoint publicKey, String ballotId, SelectionRule rule, List<Ciphertext> choices,
            List<String> digitTexts, List<List<String>> digitProofs, List<String> link, Batch batch) {
        List<ECPoint> commitments;
        try {
            commitments = digitTexts.stream().map(Group::ballotPoint).toList();
        } catch (IllegalArgumentException malformed) {
            return Optional.of("budgetDigits");
        }
        for (int j = 0; j < commitments.size(); j++) {
            if (!checkDigit(publicKey, ballotId, j, commitments.get(j), digitProofs.get(j), batch)) {
                return Optional.of("budgetDigitProofs[" + j + "]");
            }
        }
        return checkLink(publicKey, ballotId, Units.of(rule), choices, commitments, link.get(0), batch)
                ? Optional.empty() : Optional.of("budgetProof");
    }

    private static boolean checkDigit(ECPoint publicKey, String ballotId, int j, ECPoint commitment, List<String> proof,
            Batch batch) {
        List<Branch> branches;
        try {
            branches = Branch.parseAll(proof, BASE, 1);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        ECPoint[] a = branches.stream().map(branch -> branch.commitments()[0]).toArray(ECPoint[]::new);
        if (!Branch.combined(branches).equals(digitChallenge(publicKey, ballotId, j, commitment, a))) {
            return false;
        }
        for (int k = 0; k < BASE; k++) {
            // s·H = A + c·(D − k·G)
            batch.equation(branches.get(k).response(), GENERATOR, a[k], branches.get(k).challenge(), commitment,
                    BigInteger.valueOf(k));
        }
        return true;
    }

    private static boolean checkLink(ECPoint publicKey, String ballotId, Units units, List<Ciphertext> choices,
            List<ECPoint> commitments, String proof, Batch batch) {
        ECPoint a;
        ECPoint b;
        BigInteger c;
        BigInteger s1;
        BigInteger s2;
        try {
            String[] parts = parts(proof, 5);
            a = Group.ballotPoint(parts[0]);
            b = Group.ballotPoint(parts[1]);
            c = Group.shortScalar(parts[2]);
            s1 = Group.scalar(parts[3]);
            s2 = Group.scalar(parts[4]);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (!c.equals(linkChallenge(publicKey, ballotId, units, choices, commitments, a, b))) {
            return false;
        }
        // α_R = −Σ c′_i·α_i and β_R − D = L′·G − Σ c′_i·β_i − Σ 4^j·D_j, given by their parts and never computed.
        int n = choices.size();
        int d = commitments.size();
        ECPoint[] alphas = new ECPoint[n];
        BigInteger[] minusCosts = new BigInteger[n];
        ECPoint[] unlinked = new ECPoint[n + d];
        BigInteger[] unlinkedCoefficients = new BigInteger[n + d];
        for (int i = 0; i < n; i++) {
            alphas[i] = choices.get(i).alpha();
            minusCosts[i] = BigInteger.valueOf(-units.costs().get(i));
            unlinked[i] = choices.get(i).beta();
            unlinkedCoefficients[i] = minusCosts[i];
        }
        for (int j = 0; j < d; j++) {
            unlinked[n + j] = commitments.get(j);
            unlinkedCoefficients[n + j] = BigInteger.ONE.shiftLeft(2 * j).negate();
        }
        // s₁·G = A + c·α_R and s₁·PK − s₂·H = B + c·(β_R − D)
        batch.equation(s1, Group.generator(), BigInteger.ZERO, GENERATOR, a, c,
                new Batch.Combination(alphas, minusCosts, BigInteger.ZERO));
        batch.equation(s1, publicKey, s2.negate(), GENERATOR, b, c,
                new Batch.Combination(unlinked, unlinkedCoefficients, BigInteger.valueOf(units.limit())));
        return true;
    }

    private static String[] parts(String text, int count) {
        String[] parts = text == null ? new String[0] : text.split(",", -1);
        if (parts.length != count) {
            throw new IllegalArgumentException("not " + count + " parts");
        }
        return parts;
    }

    static BigInteger digitChallenge(ECPoint publicKey, String ballotId, int j, ECPoint commitment, ECPoint[] a) {
        return Hash.shortChallenge(DIGIT_TAG, Group.NAME, publicKey, GENERATOR, ballotId, digitLabel(j), commitment,
                a[0], a[1], a[2], a[3]);
    }

    /** The link's challenge covers what the residue is made of (costs, limit, choices), so nobody computes the residue. */
    static BigInteger linkChallenge(ECPoint publicKey, String ballotId, Units units, List<Ciphertext> choices,
            List<ECPoint> commitments, ECPoint a, ECPoint b) {
        return Hash.shortChallenge(TAG, Group.NAME, publicKey, GENERATOR, ballotId, units.costs(), units.limit(), choices,
                commitments, a, b);
    }

    /** D − k·G, the point a branch for k proves to be t·H. */
    private static ECPoint shifted(ECPoint commitment, int k) {
        return k == 0 ? commitment : commitment.subtract(Group.base(BigInteger.valueOf(k)));
    }

    /** The costs c′_i and the limit L′ in budget units (PROTOCOL.md §4.3): the residue R is L′·G − Σ c′_i·(choice_i). */
    record Units(List<Long> costs, long limit) {

        static Units of(SelectionRule rule) {
            long unit = rule.unit().longValueExact();
            return new Units(rule.costs().stream().map(cost -> cost / unit).toList(), rule.budgetLimit() / unit);
        }
    }
}
