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
 * the count proof over [min, max], for BUDGET the bits of the unspent budget and the residue proof, and that the
 * entry's ciphertexts are the selection ciphertexts its choices combine into — otherwise the proofs would be about
 * a ballot other than the one mixed and counted. Each equation is checked on its own (§4.2 allows it).
 */
final class ClientBallot {

    static final String TAG = "chamyeo/ballot-interval";
    private static final List<String> FIELDS =
            List.of("choices", "choiceProofs", "countProof", "budgetBits", "budgetBitProofs", "budgetProof");
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
        int bits = rule.isBudget() ? rule.budgetBits() : 0;
        ECPoint[][] choices = ciphertexts(proof.get("choices"), rule.options(), "choices");
        ECPoint[][] budgetBits = ciphertexts(proof.get("budgetBits"), bits, "budgetBits");
        Failed.unless(size(proof.get("choiceProofs")) == rule.options() && size(proof.get("budgetBitProofs")) == bits
                && size(proof.get("budgetProof")) == (rule.isBudget() ? 1 : 0), "proof", "a list of the wrong size (§4.3)");
        for (int i = 0; i < rule.options(); i++) {
            interval("choice/" + i, choices[i][0], choices[i][1], 0, 1, proof.get("choiceProofs").get(i));
        }
        ECPoint[] count = sum(choices);
        interval("count", count[0], count[1], rule.min(), rule.max(), proof.get("countProof"));
        if (rule.isBudget()) {
            for (int j = 0; j < bits; j++) {
                interval("budget-bit/" + j, budgetBits[j][0], budgetBits[j][1], 0, 1, proof.get("budgetBitProofs").get(j));
            }
            ECPoint[] residue = residue(choices, budgetBits);
            interval("budget", residue[0], residue[1], 0, 0, proof.get("budgetProof"));
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

    /**
     * §4.2: hi − lo + 1 branches "A,B,c,s"; Σ c_k = H(ballot-interval, P-256, PK, ballotId, label, lo, hi, α, β, A_lo,
     * B_lo, …, A_hi, B_hi); for every k, s_k·G = A_k + c_k·α and s_k·PK = B_k + c_k·(β − k·G).
     */
    private void interval(String label, ECPoint alpha, ECPoint beta, int lo, int hi, JsonNode proof) {
        int size = hi - lo + 1;
        Failed.unless(size(proof) == size, "proof", label + ": not " + size + " branches");
        List<String> commitments = new ArrayList<>(2 * size);
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i < size; i++) {
            String[] branch = proof.get(i).isTextual() ? proof.get(i).textValue().split(",", -1) : new String[0];
            Failed.unless(branch.length == 4, "proof", label + ": branch " + i + " is not A,B,c,s");
            ECPoint a;
            ECPoint b;
            BigInteger c;
            BigInteger s;
            try {
                a = P256.ballotPoint(branch[0]);
                b = P256.ballotPoint(branch[1]);
                c = P256.scalar(branch[2]);
                s = P256.scalar(branch[3]);
            } catch (IllegalArgumentException e) {
                throw new Failed("proof", label + ": branch " + i + ": " + e.getMessage());
            }
            // Hashed as their compressed text (§2), whichever spelling the ballot used.
            commitments.add(P256.hex(a));
            commitments.add(P256.hex(b));
            sum = sum.add(c);
            BigInteger minusC = P256.Q.subtract(c);
            ECPoint shifted = lo + i == 0 ? beta : beta.subtract(P256.G.multiply(BigInteger.valueOf(lo + i)));
            Failed.unless(P256.twoTerms(P256.G, s, alpha, minusC).equals(a), "proof", label + ": branch " + i + ": s·G ≠ A + c·α");
            Failed.unless(P256.twoTerms(publicKey, s, shifted, minusC).equals(b), "proof",
                    label + ": branch " + i + ": s·PK ≠ B + c·(β − " + (lo + i) + "·G)");
        }
        Failed.unless(sum.mod(P256.Q).equals(P256.challenge(TAG, statement(label, lo, hi, alpha, beta, commitments))), "proof",
                label + ": the challenges do not sum to the hash");
    }

    /** The parts hashed after the tag: P-256, PK, ballotId, label, lo, hi, α, β, then A_lo, B_lo, …, A_hi, B_hi. */
    String[] statement(String label, int lo, int hi, ECPoint alpha, ECPoint beta, List<String> commitments) {
        List<String> parts = new ArrayList<>(List.of(P256.NAME, publicKeyHex, ballotId, label, Integer.toString(lo),
                Integer.toString(hi), P256.hex(alpha), P256.hex(beta)));
        parts.addAll(commitments);
        return parts.toArray(String[]::new);
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

    /** §4.3: (−Σ c′_i·α_i − Σ 2^j·α′_j, L′·G − Σ c′_i·β_i − Σ 2^j·β′_j), an encryption of 0 iff the bits spell L′ − cost. */
    ECPoint[] residue(ECPoint[][] choices, ECPoint[][] bits) {
        int n = choices.length + bits.length;
        ECPoint[] alphas = new ECPoint[n];
        ECPoint[] betas = new ECPoint[n];
        BigInteger[] weights = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            ECPoint[] ct = i < choices.length ? choices[i] : bits[i - choices.length];
            alphas[i] = ct[0];
            betas[i] = ct[1];
            weights[i] = i < choices.length ? unitCosts[i] : BigInteger.ONE.shiftLeft(i - choices.length);
        }
        ECPoint alpha = ECAlgorithms.sumOfMultiplies(alphas, weights).negate();
        ECPoint beta = P256.G.multiply(unitLimit).subtract(ECAlgorithms.sumOfMultiplies(betas, weights));
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
