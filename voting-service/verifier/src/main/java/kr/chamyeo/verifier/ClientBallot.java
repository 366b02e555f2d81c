package kr.chamyeo.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A board entry's client proof (§8.2) checked as §4.3 and §4.2 say: the per-option choices with their [0, 1] proofs,
 * the count proof over [min, max], for BUDGET the base-4 digit commitments of the unspent budget with their digit
 * proofs and the proof linking them to the choices, and that the entry's ciphertexts are the selection ciphertexts its
 * choices combine into — otherwise the proofs would be about a ballot other than the one mixed and counted. Each
 * equation is checked on its own (§4.2 allows it).
 */
final class ClientBallot {

    static final String TAG = "chamyeo/ballot-interval";
    static final String DIGIT_TAG = "chamyeo/budget-digit";
    static final String BUDGET_TAG = "chamyeo/budget";
    /**
     * §4.3: the budget generator H, derived as §7.2 derives the shuffle's. Nobody knows log_G H, so a digit commitment
     * opens to one value only.
     */
    static final ECPoint BUDGET_GENERATOR = P256.generator(P256.hashHex("chamyeo/budget/seed", P256.NAME), 1);
    private static final String BUDGET_GENERATOR_HEX = P256.hex(BUDGET_GENERATOR);
    private static final BigInteger FOUR = BigInteger.valueOf(4);
    private static final List<String> FIELDS =
            List.of("choices", "choiceProofs", "countProof", "budgetDigits", "budgetDigitProofs", "budgetProof");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ECPoint publicKey;
    private final String publicKeyHex;
    private final String ballotId;
    private final Rule rule;
    /** c′_i = costs_i / u and L′ = budgetLimit / u (§4.3); null unless BUDGET. */
    private final BigInteger[] unitCosts;
    private final BigInteger unitLimit;

    ClientBallot(ECPoint publicKey, String ballotId, Rule rule) {
        this.publicKey = publicKey;
        this.publicKeyHex = P256.hex(publicKey);
        this.ballotId = ballotId;
        this.rule = rule;
        if (rule.isBudget()) {
            BigInteger unit = rule.unit();
            unitCosts = new BigInteger[rule.options()];
            for (int i = 0; i < unitCosts.length; i++) {
                unitCosts[i] = BigInteger.valueOf(rule.costs()[i]).divide(unit);
            }
            unitLimit = BigInteger.valueOf(rule.budgetLimit()).divide(unit);
        } else {
            unitCosts = null;
            unitLimit = null;
        }
    }

    /**
     * Checks the proof text of an entry whose ciphertexts are {@code alpha}, {@code beta}; Failed {@code proof} when
     * a proof or the text's form fails, {@code combination} when the ciphertexts are not what the choices give.
     */
    void verify(String text, ECPoint[] alpha, ECPoint[] beta) {
        JsonNode proof;
        try {
            proof = JSON.readTree(text);
            Failed.unless(proof.isObject() && fieldNames(proof).equals(FIELDS) && JSON.writeValueAsString(proof).equals(text),
                    "proof", "not the JSON text of §8.2 (fields " + FIELDS + " in order, no whitespace)");
        } catch (JsonProcessingException e) {
            throw new Failed("proof", "not JSON");
        }
        int digits = rule.isBudget() ? rule.budgetDigits() : 0;
        ECPoint[][] choices = ciphertexts(proof.get("choices"), rule.options(), "choices");
        ECPoint[] budgetDigits = points(proof.get("budgetDigits"), digits, "budgetDigits");
        Failed.unless(size(proof.get("choiceProofs")) == rule.options() && size(proof.get("budgetDigitProofs")) == digits
                && size(proof.get("budgetProof")) == (rule.isBudget() ? 1 : 0), "proof", "a list of the wrong size (§4.3)");
        for (int i = 0; i < rule.options(); i++) {
            interval("choice/" + i, choices[i][0], choices[i][1], 0, 1, proof.get("choiceProofs").get(i));
        }
        ECPoint[] count = sum(choices);
        interval("count", count[0], count[1], rule.min(), rule.max(), proof.get("countProof"));
        if (rule.isBudget()) {
            for (int j = 0; j < digits; j++) {
                digit(j, budgetDigits[j], proof.get("budgetDigitProofs").get(j));
            }
            link(choices, budgetDigits, proof.get("budgetProof").get(0));
        }
        for (int j = 0; j < alpha.length; j++) {
            ECPoint[] chunk = chunk(choices, j);
            Failed.unless(chunk[0].equals(alpha[j]) && chunk[1].equals(beta[j]), "combination",
                    "ciphertext " + j + " is not the selection ciphertext its choices combine into (§4.3, §8.2)");
        }
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static int size(JsonNode list) {
        return list.isArray() ? list.size() : -1;
    }

    /** A list of {@code n} ciphertexts "alpha,beta" as [α, β] pairs. */
    static ECPoint[][] ciphertexts(JsonNode list, int n, String field) {
        Failed.unless(size(list) == n, "proof", field + ": not " + n + " ciphertexts (§4.3)");
        ECPoint[][] parsed = new ECPoint[n][];
        try {
            for (int i = 0; i < n; i++) {
                String[] pair = P256.pair(list.get(i).textValue());
                parsed[i] = new ECPoint[] {P256.ballotPoint(pair[0]), P256.ballotPoint(pair[1])};
            }
        } catch (IllegalArgumentException e) {
            throw new Failed("proof", field + ": " + e.getMessage());
        }
        return parsed;
    }

    /** A list of {@code n} points of a client ballot (§4.3). */
    static ECPoint[] points(JsonNode list, int n, String field) {
        Failed.unless(size(list) == n, "proof", field + ": " + size(list) + " points, not " + n + " (§4.3)");
        ECPoint[] parsed = new ECPoint[n];
        try {
            for (int i = 0; i < n; i++) {
                parsed[i] = P256.ballotPoint(list.get(i).textValue());
            }
        } catch (IllegalArgumentException e) {
            throw new Failed("proof", field + ": " + e.getMessage());
        }
        return parsed;
    }

    /** A proof text of {@code n} comma-separated parts; Failed {@code proof} with {@code detail} otherwise. */
    private static String[] parts(JsonNode text, int n, String detail) {
        String[] parts = text.isTextual() ? text.textValue().split(",", -1) : new String[0];
        Failed.unless(parts.length == n, "proof", detail);
        return parts;
    }

    /** A branch of a disjunctive proof (§4.2, §4.3): its commitments, its short challenge c and its response s. */
    private record Branch(ECPoint[] commitments, BigInteger c, BigInteger s) {
    }

    /**
     * Branch {@code k} of {@code label}'s proof, the text of {@code points} points, c and s; Failed {@code proof} naming
     * the {@code shape} it should have, or the part that is not valid.
     */
    private static Branch branch(String label, int k, JsonNode text, int points, String shape) {
        String[] parts = parts(text, points + 2, label + ": branch " + k + " is not " + shape);
        try {
            ECPoint[] commitments = new ECPoint[points];
            for (int i = 0; i < points; i++) {
                commitments[i] = P256.ballotPoint(parts[i]);
            }
            return new Branch(commitments, P256.shortChallenge(parts[points]), P256.scalar(parts[points + 1]));
        } catch (IllegalArgumentException e) {
            throw new Failed("proof", label + ": branch " + k + ": " + e.getMessage());
        }
    }

    /**
     * §4.2: hi − lo + 1 branches "A,B,c,s"; ⊕ c_k = H(ballot-interval, P-256, PK, ballotId, label, lo, hi, α, β, A_lo,
     * B_lo, …, A_hi, B_hi), the short challenge; for every k, s_k·G = A_k + c_k·α and s_k·PK = B_k + c_k·(β − k·G).
     */
    private void interval(String label, ECPoint alpha, ECPoint beta, int lo, int hi, JsonNode proof) {
        int size = hi - lo + 1;
        Failed.unless(size(proof) == size, "proof", label + ": not " + size + " branches");
        List<String> commitments = new ArrayList<>(2 * size);
        BigInteger xor = BigInteger.ZERO;
        for (int i = 0; i < size; i++) {
            Branch branch = branch(label, i, proof.get(i), 2, "A,B,c,s");
            ECPoint a = branch.commitments()[0];
            ECPoint b = branch.commitments()[1];
            // Hashed as their compressed text (§2), whichever spelling the ballot used.
            commitments.add(P256.hex(a));
            commitments.add(P256.hex(b));
            xor = xor.xor(branch.c());
            BigInteger minusC = P256.Q.subtract(branch.c());
            ECPoint shifted = lo + i == 0 ? beta : beta.subtract(P256.G.multiply(BigInteger.valueOf(lo + i)));
            Failed.unless(P256.twoTerms(P256.G, branch.s(), alpha, minusC).equals(a), "proof",
                    label + ": branch " + i + ": s·G ≠ A + c·α");
            Failed.unless(P256.twoTerms(publicKey, branch.s(), shifted, minusC).equals(b), "proof",
                    label + ": branch " + i + ": s·PK ≠ B + c·(β − " + (lo + i) + "·G)");
        }
        Failed.unless(xor.equals(P256.shortChallengeOf(TAG, statement(label, lo, hi, alpha, beta, commitments))), "proof",
                label + ": the challenges do not XOR to the hash");
    }

    /** The parts hashed after the tag: P-256, PK, ballotId, label, lo, hi, α, β, then A_lo, B_lo, …, A_hi, B_hi. */
    String[] statement(String label, int lo, int hi, ECPoint alpha, ECPoint beta, List<String> commitments) {
        List<String> parts = new ArrayList<>(List.of(P256.NAME, publicKeyHex, ballotId, label, Integer.toString(lo),
                Integer.toString(hi), P256.hex(alpha), P256.hex(beta)));
        parts.addAll(commitments);
        return parts.toArray(String[]::new);
    }

    /**
     * §4.3 digit proof that D_j commits to 0, 1, 2 or 3: four branches "A,c,s"; ⊕ c_k = H(budget-digit, P-256, PK, H,
     * ballotId, budget-digit/j, D_j, A_0, …, A_3), the short challenge; for every k, s_k·H = A_k + c_k·(D_j − k·G).
     */
    private void digit(int j, ECPoint digit, JsonNode proof) {
        String label = "budget-digit/" + j;
        Failed.unless(size(proof) == 4, "proof", label + ": not 4 branches (§4.3)");
        List<String> commitments = new ArrayList<>(4);
        BigInteger xor = BigInteger.ZERO;
        for (int k = 0; k < 4; k++) {
            Branch branch = branch(label, k, proof.get(k), 1, "A,c,s (§4.3)");
            ECPoint a = branch.commitments()[0];
            commitments.add(P256.hex(a));
            xor = xor.xor(branch.c());
            ECPoint shifted = digit.subtract(P256.G.multiply(BigInteger.valueOf(k)));
            Failed.unless(P256.twoTerms(BUDGET_GENERATOR, branch.s(), shifted, P256.Q.subtract(branch.c())).equals(a), "proof",
                    label + ": branch " + k + ": s·H ≠ A + c·(D − " + k + "·G) (§4.3)");
        }
        Failed.unless(xor.equals(P256.shortChallengeOf(DIGIT_TAG, digitStatement(j, digit, commitments))), "proof",
                label + ": the challenges do not XOR to the hash (§4.3)");
    }

    /** The parts hashed after the tag: P-256, PK, H, ballotId, budget-digit/j, D_j, then A_0, …, A_3. */
    String[] digitStatement(int j, ECPoint digit, List<String> commitments) {
        List<String> parts = new ArrayList<>(List.of(P256.NAME, publicKeyHex, BUDGET_GENERATOR_HEX, ballotId, "budget-digit/" + j,
                P256.hex(digit)));
        parts.addAll(commitments);
        return parts.toArray(String[]::new);
    }

    /**
     * §4.3 link proof "A,B,c,s₁,s₂" that the residue R encrypts the value D = Σ 4^j·D_j commits to: c = H(budget,
     * P-256, PK, H, ballotId, [c′_0; …], L′, [choice_0; …], [D_0; …; D_{d−1}], A, B), the short challenge;
     * s₁·G = A + c·α_R and s₁·PK − s₂·H = B + c·(β_R − D).
     */
    private void link(ECPoint[][] choices, ECPoint[] digits, JsonNode proof) {
        String[] parts = parts(proof, 5, "budget: not A,B,c,s₁,s₂ (§4.3)");
        ECPoint a;
        ECPoint b;
        BigInteger c;
        BigInteger s1;
        BigInteger s2;
        try {
            a = P256.ballotPoint(parts[0]);
            b = P256.ballotPoint(parts[1]);
            c = P256.shortChallenge(parts[2]);
            s1 = P256.scalar(parts[3]);
            s2 = P256.scalar(parts[4]);
        } catch (IllegalArgumentException e) {
            throw new Failed("proof", "budget: " + e.getMessage());
        }
        BigInteger minusC = P256.Q.subtract(c);
        ECPoint[] residue = residue(choices);
        Failed.unless(P256.twoTerms(P256.G, s1, residue[0], minusC).equals(a), "proof", "budget: s₁·G ≠ A + c·α_R (§4.3)");
        ECPoint shifted = residue[1].subtract(digitSum(digits));
        ECPoint right = ECAlgorithms.sumOfMultiplies(new ECPoint[] {publicKey, BUDGET_GENERATOR, shifted},
                new BigInteger[] {s1, P256.Q.subtract(s2), minusC}).normalize();
        Failed.unless(right.equals(b), "proof", "budget: s₁·PK − s₂·H ≠ B + c·(β_R − D) (§4.3)");
        Failed.unless(c.equals(P256.shortChallengeOf(BUDGET_TAG, linkStatement(choices, digits, a, b))), "proof",
                "budget: the challenge is not the hash (§4.3)");
    }

    /**
     * The parts hashed after the tag: P-256, PK, H, ballotId, the unit costs c′_i and L′ in decimal, the choices (what R
     * is made of), the digits D_j, A, B.
     */
    String[] linkStatement(ECPoint[][] choices, ECPoint[] digits, ECPoint a, ECPoint b) {
        List<String> costs = new ArrayList<>(unitCosts.length);
        for (BigInteger cost : unitCosts) {
            costs.add(cost.toString());
        }
        List<String> choiceTexts = new ArrayList<>(choices.length);
        for (ECPoint[] choice : choices) {
            choiceTexts.add(P256.hex(choice[0]) + "," + P256.hex(choice[1]));
        }
        List<String> digitTexts = new ArrayList<>(digits.length);
        for (ECPoint digit : digits) {
            digitTexts.add(P256.hex(digit));
        }
        return new String[] {P256.NAME, publicKeyHex, BUDGET_GENERATOR_HEX, ballotId, P256.list(costs), unitLimit.toString(),
                P256.list(choiceTexts), P256.list(digitTexts), P256.hex(a), P256.hex(b)};
    }

    /** §4.3: D = Σ 4^j·D_j, the commitment to the value the digits spell. */
    static ECPoint digitSum(ECPoint[] digits) {
        BigInteger[] weights = new BigInteger[digits.length];
        for (int j = 0; j < digits.length; j++) {
            weights[j] = FOUR.pow(j);
        }
        return ECAlgorithms.sumOfMultiplies(digits, weights);
    }

    static ECPoint[] sum(ECPoint[][] ciphertexts) {
        ECPoint alpha = P256.CURVE.getInfinity();
        ECPoint beta = P256.CURVE.getInfinity();
        for (ECPoint[] ct : ciphertexts) {
            alpha = alpha.add(ct[0]);
            beta = beta.add(ct[1]);
        }
        return new ECPoint[] {alpha.normalize(), beta.normalize()};
    }

    /** §4.3: R = (−Σ c′_i·α_i, L′·G − Σ c′_i·β_i), the encryption of y·G for the unspent budget y = L′ − Σ c′_i·x_i. */
    ECPoint[] residue(ECPoint[][] choices) {
        ECPoint[] alphas = new ECPoint[choices.length];
        ECPoint[] betas = new ECPoint[choices.length];
        for (int i = 0; i < choices.length; i++) {
            alphas[i] = choices[i][0];
            betas[i] = choices[i][1];
        }
        ECPoint alpha = ECAlgorithms.sumOfMultiplies(alphas, unitCosts).negate();
        ECPoint beta = P256.G.multiply(unitLimit).subtract(ECAlgorithms.sumOfMultiplies(betas, unitCosts));
        return new ECPoint[] {alpha.normalize(), beta.normalize()};
    }

    /** §4.3: selection ciphertext j = (Σ_k 2^k·α_{16j+k}, G + Σ_k 2^k·β_{16j+k}). */
    static ECPoint[] chunk(ECPoint[][] choices, int j) {
        ECPoint alpha = P256.CURVE.getInfinity();
        ECPoint beta = P256.CURVE.getInfinity();
        for (int i = Math.min(choices.length, (j + 1) * Selections.CHUNK) - 1; i >= j * Selections.CHUNK; i--) {
            alpha = alpha.twice().add(choices[i][0]);
            beta = beta.twice().add(choices[i][1]);
        }
        return new ECPoint[] {alpha.normalize(), beta.add(P256.G).normalize()};
    }
}
