package kr.chamyeo.election.shuffle;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Group;

/**
 * A verifiable re-encryption shuffle of ballots (PROTOCOL.md §7): one trustee permutes N ballots — each a vector of
 * w ciphertexts, all moved together and every component re-encrypted with its own randomness — and proves, with
 * the Terelius–Wikström proof of a shuffle as specified in Wikström's "How To Implement A Stand-Alone Verifier for
 * the Verificatum Mix-Net" (section "Proof of a Shuffle", the commitment-consistent protocol of Terelius and
 * Wikström, AFRICACRYPT 2010, made non-interactive with Fiat–Shamir), that the outputs are the inputs re-encrypted
 * in some order, without revealing the order.
 * <p>
 * Notation (additive, 1-based, as in PROTOCOL.md): input ballot j goes to output position π(j);
 * {@code w'_{π(j)} = w_j + Enc(0, s_{π(j)})}; the permutation commitment is {@code u_j = r_j·G + h_{π(j)}};
 * {@code e'_i = e_{π⁻¹(i)}}; the chain is {@code B_0 = h_1}, {@code B_i = b_i·G + e'_i·B_{i−1}}.
 * <p>
 * Cost per ballot: the prover makes 7 fixed-base multiplications plus three terms of multi-scalar
 * multiplications; the verifier only multi-scalar multiplications (the N chain equations are checked as one
 * random linear combination, the small-exponent batch test of Bellare, Garay and Rabin, 1998).
 */
public final class Shuffle {

    /** The shuffled ballots and the proof that they are the inputs re-encrypted and permuted. */
    public record Result(List<List<Ciphertext>> outputs, ShuffleProof proof) {
    }

    /**
     * Where the prover's secret randomness comes from: {@code scalar(use, index)} is the index-th scalar drawn for
     * one use ("pi", "s", "r", …). Production draws each from the cryptographic generator; the test of
     * PROTOCOL.md's vector fixes them so that the document's proof can be reproduced.
     */
    @FunctionalInterface
    interface Coins {
        BigInteger scalar(String use, int index);
    }

    static final Coins SECURE = (use, index) -> Group.randomScalar();

    /** The verifier's batch weights (PROTOCOL.md §7.7): coins the prover never sees. */
    private static final SecureRandom RANDOM = new SecureRandom();

    private Shuffle() {
    }

    /**
     * Shuffles and proves.
     *
     * @param publicKey the election public key the ballots are encrypted under
     * @param context   what this shuffle is (ballot id and mixing round); bound into every hash
     * @param inputs    N ≥ 1 ballots of the same width w ≥ 1
     */
    public static Result shuffle(ECPoint publicKey, String context, List<List<Ciphertext>> inputs) {
        Ciphertext[][] in = matrix(inputs);
        String seed = Generators.seed(publicKey, context);
        return prove(publicKey, seed, in, Generators.derive(seed, in.length), SECURE);
    }

    /**
     * Whether {@code outputs} are {@code inputs} re-encrypted under {@code publicKey} and permuted, according to a
     * proof made for this context with the generators derived from it. Malformed proofs are rejected, not thrown.
     */
    public static boolean verify(ECPoint publicKey, String context, List<List<Ciphertext>> inputs,
            List<List<Ciphertext>> outputs, ShuffleProof proof) {
        Ciphertext[][] in;
        Ciphertext[][] out;
        try {
            in = matrix(inputs);
            out = matrix(outputs);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int n = in.length;
        int w = in[0].length;
        if (out.length != n || out[0].length != w || !sizes(proof, n, w)) {
            return false;
        }
        Parsed p;
        try {
            p = new Parsed(proof);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String seed = Generators.seed(publicKey, context);
        ECPoint[] h = Generators.derive(seed, n);
        return check(publicKey, seed, h, in, out, p);
    }

    /** Shuffles with the given generators; package-private so that a test can feed it other ones. */
    static Result prove(ECPoint pk, String seed, Ciphertext[][] in, ECPoint[] h, Coins coins) {
        int n = in.length;
        int w = in[0].length;
        int[] pi = permutation(n, coins);
        int[] inverse = inverse(pi);
        // Output position i holds input π⁻¹(i), component k re-randomised by s[i·w + k].
        BigInteger[] s = Arithmetic.scalars(n * w, t -> coins.scalar("s", t));
        ECPoint[] alphas = Arithmetic.points(n * w,
                t -> in[inverse[t / w]][t % w].alpha().add(Group.comb(Group.generator(), s[t])));
        ECPoint[] betas = Arithmetic.points(n * w,
                t -> in[inverse[t / w]][t % w].beta().add(Group.comb(pk, s[t])));
        Ciphertext[][] out = new Ciphertext[n][w];
        for (int t = 0; t < n * w; t++) {
            out[t / w][t % w] = new Ciphertext(alphas[t], betas[t]);
        }
        return new Result(Arrays.stream(out).map(List::of).toList(), prove(pk, seed, in, out, h, pi, s, coins));
    }

    /**
     * The proof that {@code out} is {@code in} permuted by {@code pi} (pi[j] = output position of input j) and
     * re-encrypted with {@code s} (s[i·w + k] for output i, component k). Package-private so that tests can play
     * a cheating mix server that proves with a witness that does not match its outputs.
     */
    static ShuffleProof prove(ECPoint pk, String seed, Ciphertext[][] in, Ciphertext[][] out, ECPoint[] h, int[] pi,
            BigInteger[] s, Coins coins) {
        int n = in.length;
        int w = in[0].length;
        BigInteger q = Group.order();
        ECPoint g = Group.generator();
        int[] inverse = inverse(pi);

        BigInteger[] r = Arithmetic.scalars(n, j -> coins.scalar("r", j));
        ECPoint[] u = Arithmetic.points(n, j -> Group.comb(g, r[j]).add(h[pi[j]]));

        String statement = Transcript.statement(pk, seed, in, out, u);
        BigInteger[] e = Transcript.batch(statement, n);
        BigInteger[] ePrime = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            ePrime[i] = e[inverse[i]];
        }

        // B_i = b_i·G + e'_i·B_{i−1} unrolls to x_i·G + y_i·h_1 with x_i = b_i + e'_i·x_{i−1},
        // y_i = e'_i·y_{i−1} (x_0 = 0, y_0 = 1): the scalars are a cheap sequential pass, the points independent
        // of each other, so the chain is computed on all cores instead of one multiplication after the other.
        BigInteger[] b = Arithmetic.scalars(n, i -> coins.scalar("b", i));
        BigInteger[] x = new BigInteger[n + 1];
        BigInteger[] y = new BigInteger[n + 1];
        x[0] = BigInteger.ZERO;
        y[0] = BigInteger.ONE;
        for (int i = 1; i <= n; i++) {
            x[i] = b[i - 1].add(ePrime[i - 1].multiply(x[i - 1])).mod(q);
            y[i] = ePrime[i - 1].multiply(y[i - 1]).mod(q);
        }
        ECPoint h1 = h[0];
        ECPoint[] chain = Arithmetic.points(n, i -> Group.comb(g, x[i + 1]).add(Group.comb(h1, y[i + 1])));

        BigInteger alpha = coins.scalar("alpha", 0);
        BigInteger gamma = coins.scalar("gamma", 0);
        BigInteger delta = coins.scalar("delta", 0);
        BigInteger[] beta = Arithmetic.scalars(n, i -> coins.scalar("beta", i));
        BigInteger[] epsilon = Arithmetic.scalars(n, i -> coins.scalar("epsilon", i));
        BigInteger[] phi = Arithmetic.scalars(w, k -> coins.scalar("phi", k));

        ECPoint aPrime = Group.comb(g, alpha).add(Arithmetic.sum(h, epsilon)).normalize();
        // B'_i = β_i·G + ε_i·B_{i−1} = (β_i + ε_i·x_{i−1})·G + (ε_i·y_{i−1})·h_1.
        ECPoint[] chainCommitments = Arithmetic.points(n,
                i -> Group.comb(g, beta[i].add(epsilon[i].multiply(x[i])))
                        .add(Group.comb(h1, epsilon[i].multiply(y[i]))));
        ECPoint cPrime = Group.base(gamma);
        ECPoint dPrime = Group.base(delta);
        Ciphertext[] fPrime = new Ciphertext[w];
        for (int k = 0; k < w; k++) {
            ECPoint weightedAlpha = Arithmetic.sum(column(out, k, true), epsilon);
            ECPoint weightedBeta = Arithmetic.sum(column(out, k, false), epsilon);
            fPrime[k] = new Ciphertext(Group.comb(g, phi[k].negate()).add(weightedAlpha).normalize(),
                    Group.comb(pk, phi[k].negate()).add(weightedBeta).normalize());
        }

        BigInteger v = Transcript.challenge(statement, chain, chainCommitments, aPrime, cPrime, dPrime, fPrime);

        BigInteger rSum = BigInteger.ZERO;
        BigInteger rDotE = BigInteger.ZERO;
        for (int j = 0; j < n; j++) {
            rSum = rSum.add(r[j]);
            rDotE = rDotE.add(r[j].multiply(e[j]));
        }
        BigInteger[] kF = new BigInteger[w];
        for (int k = 0; k < w; k++) {
            BigInteger sDotE = BigInteger.ZERO;
            for (int i = 0; i < n; i++) {
                sDotE = sDotE.add(s[i * w + k].multiply(ePrime[i]));
            }
            kF[k] = v.multiply(sDotE).add(phi[k]).mod(q);
        }
        BigInteger[] kB = Arithmetic.scalars(n, i -> v.multiply(b[i]).add(beta[i]).mod(q));
        BigInteger[] kE = Arithmetic.scalars(n, i -> v.multiply(ePrime[i]).add(epsilon[i]).mod(q));

        return new ShuffleProof(
                Transcript.hexes(u), Transcript.hexes(chain), Transcript.hexes(chainCommitments),
                Group.hex(aPrime), Group.hex(cPrime), Group.hex(dPrime),
                Arrays.stream(fPrime).map(Ciphertext::text).toList(),
                Group.hex(v.multiply(rDotE).add(alpha)), scalarHexes(kB),
                Group.hex(v.multiply(rSum).add(gamma)),
                Group.hex(v.multiply(x[n]).add(delta)), scalarHexes(kE), scalarHexes(kF));
    }

    /**
     * The verifier's equations (PROTOCOL.md §7.7). u commits to the columns of a matrix M; C shows M·1 = 1, A and
     * the chain that the committed e' = M·e has Π e'_i = Π e_i: for a random e both hold only if M is a
     * permutation matrix (Terelius–Wikström, Theorem 1). F then ties the outputs, weighted by that same e', to
     * the inputs weighted by e.
     */
    private static boolean check(ECPoint pk, String seed, ECPoint[] h, Ciphertext[][] in, Ciphertext[][] out,
            Parsed p) {
        int n = in.length;
        int w = in[0].length;
        BigInteger q = Group.order();

        String statement = Transcript.statement(pk, seed, in, out, p.u);
        BigInteger[] e = Transcript.batch(statement, n);
        BigInteger v = Transcript.challenge(statement, p.chain, p.chainCommitments, p.aPrime, p.cPrime, p.dPrime,
                p.fPrime);

        ECPoint c = Arithmetic.add(p.u).subtract(Arithmetic.add(h));
        if (!c.multiply(v).add(p.cPrime).equals(Group.base(p.kC))) {
            return false;
        }
        BigInteger product = BigInteger.ONE;
        for (BigInteger ei : e) {
            product = product.multiply(ei).mod(q);
        }
        ECPoint d = p.chain[n - 1].subtract(h[0].multiply(product));
        if (!d.multiply(v).add(p.dPrime).equals(Group.base(p.kD))) {
            return false;
        }
        ECPoint a = Arithmetic.sum(p.u, e);
        if (!a.multiply(v).add(p.aPrime).equals(Group.base(p.kA).add(Arithmetic.sum(h, p.kE)))) {
            return false;
        }
        // Both halves of every component: an output with only its α (or only its β) changed must fail.
        for (int k = 0; k < w; k++) {
            ECPoint fAlpha = Arithmetic.sum(column(in, k, true), e);
            ECPoint fBeta = Arithmetic.sum(column(in, k, false), e);
            ECPoint rightAlpha = Group.base(p.kF[k].negate()).add(Arithmetic.sum(column(out, k, true), p.kE));
            ECPoint rightBeta = Group.fixed(pk, p.kF[k].negate()).add(Arithmetic.sum(column(out, k, false), p.kE));
            if (!fAlpha.multiply(v).add(p.fPrime[k].alpha()).equals(rightAlpha)
                    || !fBeta.multiply(v).add(p.fPrime[k].beta()).equals(rightBeta)) {
                return false;
            }
        }
        return chainHolds(h[0], v, p);
    }

    /**
     * v·B_i + B'_i = k_B,i·G + k_E,i·B_{i−1} for i = 1..N (B_0 = h_1), checked as Σ ρ_i·(left_i − right_i) = O
     * with fresh random 128-bit ρ_i: if any one equation fails, the sum vanishes with probability 2^-128, and a
     * prover cannot make errors cancel because it does not know the weights. One multi-scalar multiplication of
     * 2N + 2 terms instead of N separate double multiplications. A verifier of its own may check the N equations
     * one by one instead.
     */
    private static boolean chainHolds(ECPoint h1, BigInteger v, Parsed p) {
        int n = p.chain.length;
        BigInteger q = Group.order();
        BigInteger[] rho = Arithmetic.scalars(n, i -> new BigInteger(Transcript.BATCH_BITS, RANDOM));
        ECPoint[] points = new ECPoint[2 * n + 2];
        BigInteger[] scalars = new BigInteger[2 * n + 2];
        BigInteger gScalar = BigInteger.ZERO;
        for (int i = 0; i < n; i++) {
            BigInteger chainScalar = rho[i].multiply(v);
            if (i + 1 < n) {
                chainScalar = chainScalar.subtract(rho[i + 1].multiply(p.kE[i + 1]));
            }
            points[i] = p.chain[i];
            scalars[i] = chainScalar.mod(q);
            points[n + i] = p.chainCommitments[i];
            scalars[n + i] = rho[i];
            gScalar = gScalar.subtract(rho[i].multiply(p.kB[i]));
        }
        points[2 * n] = h1;
        scalars[2 * n] = rho[0].multiply(p.kE[0]).negate().mod(q);
        points[2 * n + 1] = Group.generator();
        scalars[2 * n + 1] = gScalar.mod(q);
        return Arithmetic.sum(points, scalars).isInfinity();
    }

    private static boolean sizes(ShuffleProof proof, int n, int w) {
        return proof.permutationCommitment().size() == n && proof.chain().size() == n
                && proof.chainCommitments().size() == n && proof.kB().size() == n && proof.kE().size() == n
                && proof.fPrime().size() == w && proof.kF().size() == w;
    }

    /** The proof's elements as group elements and scalars; every point is checked to be on P-256. */
    private static final class Parsed {
        final ECPoint[] u;
        final ECPoint[] chain;
        final ECPoint[] chainCommitments;
        final ECPoint aPrime;
        final ECPoint cPrime;
        final ECPoint dPrime;
        final Ciphertext[] fPrime;
        final BigInteger kA;
        final BigInteger[] kB;
        final BigInteger kC;
        final BigInteger kD;
        final BigInteger[] kE;
        final BigInteger[] kF;

        Parsed(ShuffleProof proof) {
            u = points(proof.permutationCommitment());
            chain = points(proof.chain());
            chainCommitments = points(proof.chainCommitments());
            aPrime = Group.point(proof.aPrime());
            cPrime = Group.point(proof.cPrime());
            dPrime = Group.point(proof.dPrime());
            fPrime = proof.fPrime().stream().map(Ciphertext::parse).toArray(Ciphertext[]::new);
            kA = Group.scalar(proof.kA());
            kB = scalars(proof.kB());
            kC = Group.scalar(proof.kC());
            kD = Group.scalar(proof.kD());
            kE = scalars(proof.kE());
            kF = scalars(proof.kF());
        }

        private static ECPoint[] points(List<String> hexes) {
            return hexes.parallelStream().map(Group::point).toArray(ECPoint[]::new);
        }

        private static BigInteger[] scalars(List<String> hexes) {
            return hexes.stream().map(Group::scalar).toArray(BigInteger[]::new);
        }
    }

    static Ciphertext[][] matrix(List<List<Ciphertext>> ballots) {
        if (ballots.isEmpty() || ballots.get(0).isEmpty()) {
            throw new IllegalArgumentException("a shuffle needs at least one ballot of at least one ciphertext");
        }
        int w = ballots.get(0).size();
        Ciphertext[][] matrix = new Ciphertext[ballots.size()][];
        for (int i = 0; i < matrix.length; i++) {
            matrix[i] = ballots.get(i).toArray(Ciphertext[]::new);
            if (matrix[i].length != w) {
                throw new IllegalArgumentException("ballot " + (i + 1) + " has " + matrix[i].length
                        + " ciphertexts, the first has " + w);
            }
        }
        return matrix;
    }

    private static ECPoint[] column(Ciphertext[][] ballots, int k, boolean alpha) {
        return Arrays.stream(ballots).map(b -> alpha ? b[k].alpha() : b[k].beta()).toArray(ECPoint[]::new);
    }

    private static List<String> scalarHexes(BigInteger[] scalars) {
        return Arrays.stream(scalars).map(Group::hex).toList();
    }

    private static int[] inverse(int[] pi) {
        int[] inverse = new int[pi.length];
        for (int j = 0; j < pi.length; j++) {
            inverse[pi[j]] = j;
        }
        return inverse;
    }

    /**
     * Fisher–Yates: pi[j] is the output position of input j. A 256-bit scalar reduced mod i + 1 is uniform up to a
     * bias below 2^-200.
     */
    private static int[] permutation(int n, Coins coins) {
        int[] pi = IntStream.range(0, n).toArray();
        for (int i = n - 1; i > 0; i--) {
            int j = coins.scalar("pi", i).mod(BigInteger.valueOf(i + 1)).intValueExact();
            int swap = pi[i];
            pi[i] = pi[j];
            pi[j] = swap;
        }
        return pi;
    }
}
