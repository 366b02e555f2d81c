package kr.chamyeo.verifier;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * §7.7: the verifier of a Terelius–Wikström proof of shuffle, written from PROTOCOL.md §7 (Wikström's "How to
 * implement a stand-alone verifier for the Verificatum mix-net" with §7's hashes). Every failure is reported as
 * the item {@code proof} with the step that failed as detail.
 */
final class ShuffleCheck {

    private static final HexFormat HEX = HexFormat.of();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ShuffleCheck() {
    }

    /** What a shuffle's proof commits to before its challenge (§7.2–§7.4); also the reference values of the vector. */
    record Transcript(String seed, ECPoint[] generators, String statement, BigInteger[] batch, BigInteger challenge) {
    }

    static void verify(ECPoint publicKey, String context, BallotList in, BallotList out, JsonNode proof) {
        int n = in.size();
        int w = in.width();
        fail(n >= 1 && out.size() == n && out.width() == w, "inputs and outputs: " + n + " and " + out.size() + " ballots");
        ECPoint[] u = points(proof, "permutationCommitment", n);
        ECPoint[] b = points(proof, "chain", n);
        ECPoint[] bPrime = points(proof, "chainCommitments", n);
        ECPoint aPrime = point(proof, "aPrime");
        ECPoint cPrime = point(proof, "cPrime");
        ECPoint dPrime = point(proof, "dPrime");
        JsonNode fPrimeNode = proof.path("fPrime");
        fail(fPrimeNode.isArray() && fPrimeNode.size() == w, "fPrime has not " + w + " ciphertexts");
        ECPoint[] fPrimeAlpha = new ECPoint[w];
        ECPoint[] fPrimeBeta = new ECPoint[w];
        for (int k = 0; k < w; k++) {
            String text = fPrimeNode.get(k).asText();
            String[] pair = parse(() -> P256.pair(text), "fPrime");
            fPrimeAlpha[k] = parse(() -> P256.point(pair[0]), "fPrime");
            fPrimeBeta[k] = parse(() -> P256.point(pair[1]), "fPrime");
        }
        BigInteger kA = scalar(proof, "kA");
        BigInteger kC = scalar(proof, "kC");
        BigInteger kD = scalar(proof, "kD");
        BigInteger[] kB = scalars(proof, "kB", n);
        BigInteger[] kE = scalars(proof, "kE", n);
        BigInteger[] kF = scalars(proof, "kF", w);

        Transcript t = transcript(publicKey, context, in, out, proof);
        ECPoint[] h = t.generators();
        BigInteger[] e = t.batch();
        BigInteger v = t.challenge();
        ECPoint g = P256.G;

        // Step 5: v·A + A′ = k_A·G + Σ k_E,i·h_i with A = Σ e_j·u_j.
        ECPoint a = P256.sum(u, e);
        fail(a.multiply(v).add(aPrime).equals(g.multiply(kA).add(P256.sum(h, kE))), "equation 5 (permutation commitment, A)");

        // Step 6, batched: Σ ρ_i·(v·B_i + B′_i − k_B,i·G − k_E,i·B_{i−1}) = O with random 128-bit ρ_i. A false
        // equation survives with probability 2⁻¹²⁸; the prover cannot know ρ, drawn here after the proof is fixed.
        BigInteger[] rho = IntStream.range(0, n).mapToObj(i -> new BigInteger(128, RANDOM)).toArray(BigInteger[]::new);
        ECPoint[] chainPoints = new ECPoint[n + 1];
        BigInteger[] chainScalars = new BigInteger[n + 1];
        chainPoints[0] = h[0];
        System.arraycopy(b, 0, chainPoints, 1, n);
        BigInteger q = P256.Q;
        BigInteger gScalar = BigInteger.ZERO;
        for (int i = 0; i <= n; i++) {
            // B_i (B_0 = h_1) appears as v·B_i in equation i (i ≥ 1) and as −k_E,i+1·B_i in equation i + 1.
            BigInteger c = i >= 1 ? rho[i - 1].multiply(v) : BigInteger.ZERO;
            if (i < n) {
                c = c.subtract(rho[i].multiply(kE[i]));
                gScalar = gScalar.add(rho[i].multiply(kB[i]));
            }
            chainScalars[i] = c.mod(q);
        }
        ECPoint chain = P256.sum(chainPoints, chainScalars).add(P256.sum(bPrime, rho)).subtract(g.multiply(gScalar.mod(q)));
        fail(chain.isInfinity(), "equation 6 (chain B, batched)");

        // Step 7: v·C + C′ = k_C·G with C = Σ u_j − Σ h_i.
        ECPoint c = P256.sum(u).subtract(P256.sum(h));
        fail(c.multiply(v).add(cPrime).equals(g.multiply(kC)), "equation 7 (C)");

        // Step 8: v·D + D′ = k_D·G with D = B_N − (Π e_i)·h_1.
        BigInteger product = BigInteger.ONE;
        for (BigInteger ei : e) {
            product = product.multiply(ei).mod(q);
        }
        ECPoint d = b[n - 1].subtract(h[0].multiply(product));
        fail(d.multiply(v).add(dPrime).equals(g.multiply(kD)), "equation 8 (D)");

        // Step 9, per component k: v·F_k + F′_k = Enc(0; −k_F,k) + Σ k_E,i·w′_i,k with F_k = Σ e_j·w_j,k.
        for (int k = 0; k < w; k++) {
            int component = k;
            ECPoint fAlpha = P256.sum(column(in.alpha(), component), e);
            ECPoint fBeta = P256.sum(column(in.beta(), component), e);
            ECPoint rightAlpha = P256.sum(column(out.alpha(), component), kE).subtract(g.multiply(kF[k]));
            ECPoint rightBeta = P256.sum(column(out.beta(), component), kE).subtract(publicKey.multiply(kF[k]));
            fail(fAlpha.multiply(v).add(fPrimeAlpha[k]).equals(rightAlpha)
                    && fBeta.multiply(v).add(fPrimeBeta[k]).equals(rightBeta), "equation 9 (re-encryption, component " + k + ")");
        }
    }

    /** §7.2–§7.4: seed, generators, statement digest, batching vector and challenge. */
    static Transcript transcript(ECPoint publicKey, String context, BallotList in, BallotList out, JsonNode proof) {
        int n = in.size();
        String pk = P256.hex(publicKey);
        String seed = P256.hashHex("chamyeo/shuffle/seed", P256.NAME, pk, context);
        ECPoint[] h = IntStream.rangeClosed(1, n).parallel().mapToObj(i -> P256.generator(seed, i)).toArray(ECPoint[]::new);
        String statement = P256.hashHex("chamyeo/shuffle/statement", P256.NAME, P256.G_HEX, pk, seed, Integer.toString(n),
                Integer.toString(in.width()), listHash("chamyeo/shuffle/inputs", n, in::shuffleText),
                listHash("chamyeo/shuffle/outputs", n, out::shuffleText),
                listHash("chamyeo/shuffle/permutation-commitment", n, i -> proof.path("permutationCommitment").get(i).asText()));
        BigInteger[] e = IntStream.rangeClosed(1, n).parallel().mapToObj(i -> {
            byte[] digest = P256.sha256("chamyeo/shuffle/batch|" + statement + "|" + i);
            return new BigInteger(1, Arrays.copyOf(digest, 16));
        }).toArray(BigInteger[]::new);
        List<String> fPrime = new ArrayList<>();
        proof.path("fPrime").forEach(node -> fPrime.add(node.asText()));
        BigInteger v = P256.challenge("chamyeo/shuffle/challenge", statement,
                listHash("chamyeo/shuffle/chain", n, i -> proof.path("chain").get(i).asText()),
                listHash("chamyeo/shuffle/chain-commitments", n, i -> proof.path("chainCommitments").get(i).asText()),
                proof.path("aPrime").asText(), proof.path("cPrime").asText(), proof.path("dPrime").asText(), String.join("/", fPrime));
        return new Transcript(seed, h, statement, e, v);
    }

    /** §7.3: SHA-256 of {@code tag|count|item;item;…} as hex. */
    static String listHash(String tag, int count, IntFunction<String> item) {
        StringBuilder text = new StringBuilder(tag.length() + count * 140).append(tag).append('|').append(count).append('|');
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(';');
            }
            text.append(item.apply(i));
        }
        return HEX.formatHex(P256.sha256(text.toString()));
    }

    private static ECPoint[] column(ECPoint[][] ballots, int component) {
        ECPoint[] column = new ECPoint[ballots.length];
        for (int i = 0; i < ballots.length; i++) {
            column[i] = ballots[i][component];
        }
        return column;
    }

    private static ECPoint[] points(JsonNode proof, String field, int count) {
        JsonNode list = proof.path(field);
        fail(list.isArray() && list.size() == count, field + " has not " + count + " entries");
        ECPoint[] points = new ECPoint[count];
        String[] errors = new String[count];
        IntStream.range(0, count).parallel().forEach(i -> {
            try {
                points[i] = P256.point(list.get(i).asText());
            } catch (IllegalArgumentException ex) {
                errors[i] = field + "[" + i + "]: " + ex.getMessage();
            }
        });
        for (String error : errors) {
            fail(error == null, error);
        }
        return points;
    }

    private static BigInteger[] scalars(JsonNode proof, String field, int count) {
        JsonNode list = proof.path(field);
        fail(list.isArray() && list.size() == count, field + " has not " + count + " entries");
        BigInteger[] scalars = new BigInteger[count];
        for (int i = 0; i < count; i++) {
            int index = i;
            scalars[i] = parse(() -> P256.scalar(list.get(index).asText()), field + "[" + i + "]");
        }
        return scalars;
    }

    private static ECPoint point(JsonNode proof, String field) {
        return parse(() -> P256.point(proof.path(field).asText()), field);
    }

    private static BigInteger scalar(JsonNode proof, String field) {
        return parse(() -> P256.scalar(proof.path(field).asText()), field);
    }

    private static <T> T parse(Supplier<T> parser, String what) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new Failed("proof", what + ": " + e.getMessage());
        }
    }

    private static void fail(boolean condition, String detail) {
        Failed.unless(condition, "proof", detail);
    }
}
