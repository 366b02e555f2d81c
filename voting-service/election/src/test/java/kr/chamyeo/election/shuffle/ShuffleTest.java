package kr.chamyeo.election.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Group;

class ShuffleTest {

    private static final BigInteger SECRET = Group.randomScalar();
    private static final ECPoint PK = Group.base(SECRET);
    private static final String CONTEXT = "ballot 42 / mixing round 1";

    @Test
    void anHonestShuffleVerifiesAndDecryptsToTheSameMultisetOfPlaintexts() {
        // Repeated plaintexts: a multiset, as in a real count.
        List<List<Ciphertext>> inputs = ballots(30, 1, i -> i % 7);
        Shuffle.Result result = Shuffle.shuffle(PK, CONTEXT, inputs);

        assertTrue(Shuffle.verify(PK, CONTEXT, inputs, result.outputs(), result.proof()));
        assertEquals(plaintexts(inputs), plaintexts(result.outputs()));
        assertNotEquals(texts(inputs), texts(result.outputs()), "every ciphertext is re-encrypted");
    }

    @Test
    void ballotsOfTwoCiphertextsMoveTogether() {
        List<List<Ciphertext>> inputs = ballots(12, 2, i -> i);
        Shuffle.Result result = Shuffle.shuffle(PK, CONTEXT, inputs);

        assertTrue(Shuffle.verify(PK, CONTEXT, inputs, result.outputs(), result.proof()));
        // plaintexts() keeps each ballot's components together: a mix of halves would not compare equal.
        assertEquals(plaintexts(inputs), plaintexts(result.outputs()));
        assertEquals(2, result.proof().fPrime().size());
    }

    @Test
    void aSingleBallotShuffles() {
        List<List<Ciphertext>> inputs = ballots(1, 1, i -> 5);
        Shuffle.Result result = Shuffle.shuffle(PK, CONTEXT, inputs);
        assertTrue(Shuffle.verify(PK, CONTEXT, inputs, result.outputs(), result.proof()));
    }

    @Test
    void aShuffleThatDropsABallotIsRejected() {
        List<List<Ciphertext>> inputs = ballots(10, 1, i -> i);
        Shuffle.Result honest = Shuffle.shuffle(PK, CONTEXT, inputs);
        List<List<Ciphertext>> dropped = honest.outputs().subList(0, 9);
        ShuffleProof p = honest.proof();
        ShuffleProof trimmed = new ShuffleProof(p.permutationCommitment().subList(0, 9), p.chain().subList(0, 9),
                p.chainCommitments().subList(0, 9), p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(),
                p.kB().subList(0, 9), p.kC(), p.kD(), p.kE().subList(0, 9), p.kF());

        assertFalse(Shuffle.verify(PK, CONTEXT, inputs, dropped, p));
        assertFalse(Shuffle.verify(PK, CONTEXT, inputs, dropped, trimmed));
    }

    @Test
    void aMixServerThatReplacesABallotByAnotherEncryptionCannotProveIt() {
        assertCheatRejected(out -> {
            out[3][0] = Ciphertext.encrypt(PK, message(99), Group.randomScalar());
            return out;
        });
    }

    @Test
    void aMixServerThatDuplicatesABallotCannotProveIt() {
        assertCheatRejected(out -> {
            out[3][0] = out[4][0].reencrypt(PK, Group.randomScalar());
            return out;
        });
    }

    @Test
    void aMixServerThatChangesTheVoteInsideACiphertextCannotProveIt() {
        // Either half shifted by G changes the plaintext (by G, or by −sk·G): the cheapest edits of one vote.
        assertCheatRejected(out -> {
            out[3][0] = new Ciphertext(out[3][0].alpha(), out[3][0].beta().add(Group.generator()).normalize());
            return out;
        });
        assertCheatRejected(out -> {
            out[3][0] = new Ciphertext(out[3][0].alpha().add(Group.generator()).normalize(), out[3][0].beta());
            return out;
        });
    }

    @Test
    void errorsThatCancelAcrossTheChainEquationsAreRejected() {
        // Without random weights, +1 on one k_B and −1 on the next would leave the sum of the equations intact.
        List<List<Ciphertext>> inputs = ballots(6, 1, i -> i);
        Shuffle.Result result = Shuffle.shuffle(PK, CONTEXT, inputs);
        ShuffleProof p = result.proof();
        List<String> kB = set(set(p.kB(), 1, plusOne(p.kB().get(1))), 2,
                Group.hex(Group.scalar(p.kB().get(2)).subtract(BigInteger.ONE)));
        ShuffleProof cancelling = new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), kB, p.kC(), p.kD(), p.kE(), p.kF());

        assertFalse(Shuffle.verify(PK, CONTEXT, inputs, result.outputs(), cancelling));
    }

    @Test
    void aProofIsBoundToItsContextAndPublicKey() {
        List<List<Ciphertext>> inputs = ballots(8, 1, i -> i);
        Shuffle.Result result = Shuffle.shuffle(PK, CONTEXT, inputs);

        assertFalse(Shuffle.verify(PK, "ballot 42 / mixing round 2", inputs, result.outputs(), result.proof()));
        ECPoint otherKey = Group.base(Group.randomScalar());
        assertFalse(Shuffle.verify(otherKey, CONTEXT, inputs, result.outputs(), result.proof()));
    }

    @Test
    void aProofCheckedAgainstOtherInputsIsRejected() {
        List<List<Ciphertext>> inputs = ballots(8, 1, i -> i);
        Shuffle.Result result = Shuffle.shuffle(PK, CONTEXT, inputs);
        List<List<Ciphertext>> other = new ArrayList<>(inputs);
        other.set(2, List.of(inputs.get(2).get(0).reencrypt(PK, Group.randomScalar())));

        assertFalse(Shuffle.verify(PK, CONTEXT, other, result.outputs(), result.proof()));
    }

    @Test
    void everyTamperedElementOfTheProofIsRejected() {
        List<List<Ciphertext>> inputs = ballots(6, 2, i -> i);
        Shuffle.Result result = Shuffle.shuffle(PK, CONTEXT, inputs);
        ShuffleProof p = result.proof();
        String otherPoint = Group.hex(Group.base(Group.randomScalar()));
        Map<String, ShuffleProof> tampered = Map.ofEntries(
                Map.entry("u", new ShuffleProof(set(p.permutationCommitment(), 2, otherPoint), p.chain(),
                        p.chainCommitments(), p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), p.kC(),
                        p.kD(), p.kE(), p.kF())),
                Map.entry("B", new ShuffleProof(p.permutationCommitment(), set(p.chain(), 2, otherPoint),
                        p.chainCommitments(), p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), p.kC(),
                        p.kD(), p.kE(), p.kF())),
                Map.entry("A'", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        otherPoint, p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), p.kC(), p.kD(), p.kE(),
                        p.kF())),
                Map.entry("kA", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), plusOne(p.kA()), p.kB(), p.kC(), p.kD(), p.kE(),
                        p.kF())),
                Map.entry("kB", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), set(p.kB(), 3, plusOne(p.kB().get(3))),
                        p.kC(), p.kD(), p.kE(), p.kF())),
                Map.entry("kC", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), plusOne(p.kC()), p.kD(), p.kE(),
                        p.kF())),
                Map.entry("kD", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), p.kC(), plusOne(p.kD()), p.kE(),
                        p.kF())),
                Map.entry("kE", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), p.kC(), p.kD(),
                        set(p.kE(), 5, plusOne(p.kE().get(5))), p.kF())),
                Map.entry("kF", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        p.aPrime(), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), p.kC(), p.kD(), p.kE(),
                        set(p.kF(), 1, plusOne(p.kF().get(1))))),
                Map.entry("malformed", new ShuffleProof(p.permutationCommitment(), p.chain(), p.chainCommitments(),
                        "02" + "ff".repeat(32), p.cPrime(), p.dPrime(), p.fPrime(), p.kA(), p.kB(), p.kC(), p.kD(),
                        p.kE(), p.kF())));

        assertTrue(Shuffle.verify(PK, CONTEXT, inputs, result.outputs(), p));
        tampered.forEach((name, proof) ->
                assertFalse(Shuffle.verify(PK, CONTEXT, inputs, result.outputs(), proof), name + " tampered"));
    }

    @Test
    void aProofMadeWithGeneratorsOtherThanTheDerivedOnesIsRejected() {
        List<List<Ciphertext>> inputs = ballots(8, 1, i -> i);
        String seed = Generators.seed(PK, CONTEXT);
        // Generators whose logarithms the mix server knows: with them it could open the commitment to anything.
        ECPoint[] own = IntStream.range(0, 8).mapToObj(i -> Group.base(Group.randomScalar())).toArray(ECPoint[]::new);
        Shuffle.Result result = Shuffle.prove(PK, seed, Shuffle.matrix(inputs), own, Shuffle.SECURE);

        assertFalse(Shuffle.verify(PK, CONTEXT, inputs, result.outputs(), result.proof()));
        Shuffle.Result derived =
                Shuffle.prove(PK, seed, Shuffle.matrix(inputs), Generators.derive(seed, 8), Shuffle.SECURE);
        assertTrue(Shuffle.verify(PK, CONTEXT, inputs, derived.outputs(), derived.proof()));
    }

    /**
     * A mix server that shuffles honestly, then alters its outputs and proves with its (now wrong) witness.
     */
    private static void assertCheatRejected(UnaryOperator<Ciphertext[][]> cheat) {
        List<List<Ciphertext>> inputs = ballots(10, 1, i -> i);
        Ciphertext[][] in = Shuffle.matrix(inputs);
        String seed = Generators.seed(PK, CONTEXT);
        ECPoint[] h = Generators.derive(seed, in.length);
        int[] pi = IntStream.range(0, in.length).map(j -> (j + 3) % in.length).toArray();
        BigInteger[] s = IntStream.range(0, in.length).mapToObj(i -> Group.randomScalar()).toArray(BigInteger[]::new);
        Ciphertext[][] out = new Ciphertext[in.length][1];
        for (int j = 0; j < in.length; j++) {
            out[pi[j]][0] = in[j][0].reencrypt(PK, s[pi[j]]);
        }
        assertTrue(Shuffle.verify(PK, CONTEXT, inputs, rows(out),
                Shuffle.prove(PK, seed, in, out, h, pi, s, Shuffle.SECURE)),
                "the honest run of the same witness verifies");

        Ciphertext[][] altered = cheat.apply(out.clone());
        assertFalse(Shuffle.verify(PK, CONTEXT, inputs, rows(altered),
                Shuffle.prove(PK, seed, in, altered, h, pi, s, Shuffle.SECURE)));
    }

    private static List<List<Ciphertext>> rows(Ciphertext[][] matrix) {
        return java.util.Arrays.stream(matrix).map(List::of).toList();
    }

    static ECPoint message(int m) {
        return Group.base(BigInteger.valueOf(m + 1));
    }

    /** n ballots of width w; component k of ballot i encrypts message(plaintext(i)·w + k). */
    static List<List<Ciphertext>> ballots(int n, int w, Function<Integer, Integer> plaintext) {
        return IntStream.range(0, n).mapToObj(i -> IntStream.range(0, w)
                .mapToObj(k -> Ciphertext.encrypt(PK, message(plaintext.apply(i) * w + k), Group.randomScalar()))
                .toList()).toList();
    }

    /** The decrypted ballots as a multiset of "m1/m2/…" texts. */
    static Map<String, Long> plaintexts(List<List<Ciphertext>> ballots) {
        return ballots.stream()
                .map(b -> b.stream().map(c -> Group.hex(c.decrypt(SECRET))).collect(Collectors.joining("/")))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    }

    private static List<String> texts(List<List<Ciphertext>> ballots) {
        return ballots.stream().map(b -> b.get(0).text()).toList();
    }

    private static List<String> set(List<String> list, int index, String value) {
        List<String> copy = new ArrayList<>(list);
        copy.set(index, value);
        return copy;
    }

    private static String plusOne(String scalar) {
        return Group.hex(Group.scalar(scalar).add(BigInteger.ONE));
    }
}
