package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThresholdDecryptionTest {

    private static final String ELECTION = "assembly-2026";
    private static final String CONTEXT = "assembly-2026/tally";
    private static Ceremony ceremony;
    private static List<ECPoint> messages;
    private static List<Ciphertext> ciphertexts;
    private static List<ThresholdDecryption.PartialDecryption> partials;

    @BeforeAll
    static void fiveTrusteesThresholdThree() {
        ceremony = Ceremony.run(ELECTION, 5, 3);
        ECPoint pk = ceremony.key().publicPoint();
        messages = IntStream.range(0, 8).mapToObj(i -> Selection.encode(new int[] {i}, 8)[0]).toList();
        ciphertexts = messages.stream().map(m -> Ciphertext.encrypt(pk, m, Group.randomScalar())).toList();
        partials = ceremony.trustees().stream().map(t -> t.decrypt(ceremony.key(), CONTEXT, ciphertexts)).toList();
    }

    @Test
    void everyPartialDecryptionVerifiesAndAnySubsetOfThreeOrMoreOfFiveDecrypts() {
        partials.forEach(p -> assertTrue(ThresholdDecryption.verify(ceremony.key(), CONTEXT, ciphertexts, p)));
        int subsets = 0;
        for (int mask = 0; mask < 32; mask++) {
            if (Integer.bitCount(mask) < 3) {
                continue;
            }
            List<ThresholdDecryption.PartialDecryption> chosen = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                if ((mask & (1 << j)) != 0) {
                    chosen.add(partials.get(j));
                }
            }
            assertEquals(messages, ThresholdDecryption.combine(ceremony.key(), CONTEXT, ciphertexts, chosen),
                    "trustees " + Integer.toBinaryString(mask));
            subsets++;
        }
        assertEquals(16, subsets, "10 triples, 5 quadruples and all five");
    }

    @Test
    void twoOfFiveCannotDecrypt() {
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                List<ThresholdDecryption.PartialDecryption> two = List.of(partials.get(a), partials.get(b));
                assertThrows(ThresholdDecryption.QuorumException.class,
                        () -> ThresholdDecryption.combine(ceremony.key(), CONTEXT, ciphertexts, two));
                // Interpolating through two points of a degree-2 polynomial gives a wrong constant term.
                List<Integer> indexes = List.of(a + 1, b + 1);
                ECPoint combined = ciphertexts.get(0).beta();
                for (ThresholdDecryption.PartialDecryption p : two) {
                    combined = combined.subtract(Group.mul(Group.point(p.shares().get(0)),
                            ThresholdDecryption.lagrange(p.trustee(), indexes)));
                }
                assertNotEquals(messages.get(0), combined.normalize());
            }
        }
        List<ThresholdDecryption.PartialDecryption> repeated = List.of(partials.get(0), partials.get(0),
                partials.get(1));
        assertThrows(IllegalArgumentException.class,
                () -> ThresholdDecryption.combine(ceremony.key(), CONTEXT, ciphertexts, repeated),
                "one trustee counted twice");
    }

    @Test
    void aForgedShareOrProofIsRejectedAndCombineNamesTheTrustee() {
        ThresholdDecryption.PartialDecryption honest = partials.get(1);
        List<String> shares = new ArrayList<>(honest.shares());
        shares.set(3, Group.hex(Group.point(shares.get(3)).add(Group.generator())));
        ThresholdDecryption.PartialDecryption forgedShare =
                new ThresholdDecryption.PartialDecryption(CONTEXT, 2, shares, honest.proofs());
        assertFalse(ThresholdDecryption.verify(ceremony.key(), CONTEXT, ciphertexts, forgedShare));

        List<String> proofs = new ArrayList<>(honest.proofs());
        SchnorrProof p = SchnorrProof.parse(proofs.get(5));
        proofs.set(5, new SchnorrProof(p.challenge(), p.response().add(BigInteger.ONE).mod(Group.order())).text());
        ThresholdDecryption.PartialDecryption forgedProof =
                new ThresholdDecryption.PartialDecryption(CONTEXT, 2, honest.shares(), proofs);
        assertFalse(ThresholdDecryption.verify(ceremony.key(), CONTEXT, ciphertexts, forgedProof));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ThresholdDecryption.combine(ceremony.key(), CONTEXT, ciphertexts,
                        List.of(partials.get(0), forgedShare, partials.get(2))));
        assertEquals("trustee 2: invalid partial decryption", e.getMessage());
    }

    @Test
    void aPartialDecryptionIsValidOnlyUnderItsOwnShareKeyContextAndCiphertexts() {
        ThresholdDecryption.PartialDecryption of2 = partials.get(1);
        ThresholdDecryption.PartialDecryption claimedBy3 =
                new ThresholdDecryption.PartialDecryption(CONTEXT, 3, of2.shares(), of2.proofs());
        assertFalse(ThresholdDecryption.verify(ceremony.key(), CONTEXT, ciphertexts, claimedBy3), "under S_3");
        assertFalse(ThresholdDecryption.verify(ceremony.key(), CONTEXT + "-2", ciphertexts,
                new ThresholdDecryption.PartialDecryption(CONTEXT + "-2", 2, of2.shares(), of2.proofs())),
                "replayed into another decryption");
        List<Ciphertext> reordered = new ArrayList<>(ciphertexts);
        reordered.set(0, ciphertexts.get(1));
        reordered.set(1, ciphertexts.get(0));
        assertFalse(ThresholdDecryption.verify(ceremony.key(), CONTEXT, reordered, of2), "bound to each alpha");
        assertFalse(ThresholdDecryption.verify(ceremony.key(), CONTEXT, ciphertexts.subList(0, 7), of2));
    }

    @Test
    void aTrusteeRefusesToDecryptUnderAKeyItsShareDoesNotBelongTo() {
        Ceremony other = Ceremony.run(ELECTION, 5, 3);
        assertThrows(IllegalArgumentException.class,
                () -> ceremony.trustees().get(0).decrypt(other.key(), CONTEXT, ciphertexts));
        assertThrows(IllegalStateException.class,
                () -> Trustee.create(ELECTION, 1, 5, 3).decrypt(ceremony.key(), CONTEXT, ciphertexts));
    }

    @Test
    void forAnyTrusteeCountAndThresholdARandomQuorumDecryptsAndOneTrusteeFewerCannot() {
        Random random = new Random(5);
        for (int[] nk : new int[][] {{1, 1}, {2, 1}, {2, 2}, {4, 2}, {4, 4}}) {
            int n = nk[0];
            int k = nk[1];
            Ceremony c = Ceremony.run(ELECTION, n, k);
            ECPoint m = Selection.encode(new int[] {random.nextInt(20)}, 20)[0];
            List<Ciphertext> one = List.of(Ciphertext.encrypt(c.key().publicPoint(), m, Group.randomScalar()));
            List<Trustee> quorum = new ArrayList<>(c.trustees());
            Collections.shuffle(quorum, random);
            List<ThresholdDecryption.PartialDecryption> shares = quorum.subList(0, k).stream()
                    .map(t -> t.decrypt(c.key(), CONTEXT, one)).toList();
            assertEquals(List.of(m), ThresholdDecryption.combine(c.key(), CONTEXT, one, shares), n + "/" + k);
            assertThrows(ThresholdDecryption.QuorumException.class,
                    () -> ThresholdDecryption.combine(c.key(), CONTEXT, one, shares.subList(0, k - 1)));
        }
    }

    @Test
    void lagrangeCoefficientsInterpolateThePolynomialAtZero() {
        BigInteger q = Group.order();
        BigInteger[] a = {Group.randomScalar(), Group.randomScalar(), Group.randomScalar()};
        List<Integer> xs = List.of(2, 4, 5);
        BigInteger value = BigInteger.ZERO;
        for (int x : xs) {
            BigInteger px = a[0].add(a[1].multiply(BigInteger.valueOf(x))).add(a[2].multiply(BigInteger.valueOf(x * x)));
            value = value.add(ThresholdDecryption.lagrange(x, xs).multiply(px));
        }
        assertEquals(a[0], value.mod(q));
    }
}
