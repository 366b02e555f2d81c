package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void everySelectionRoundTripsThroughEncryptionForAnyBallotSize() {
        Random random = new Random(7);
        BigInteger secret = Group.randomScalar();
        ECPoint publicKey = Group.base(secret);
        for (int options : new int[] {1, 2, 7, 8, 9, 239, 240, 241, 1000}) {
            for (int trial = 0; trial < 5; trial++) {
                int[] chosen = IntStream.range(0, options).filter(i -> random.nextInt(3) == 0).toArray();
                ECPoint[] points = Selection.encode(chosen, options);
                assertEquals(Selection.width(options), points.length);
                ECPoint[] decrypted = new ECPoint[points.length];
                for (int j = 0; j < points.length; j++) {
                    Ciphertext c = Ciphertext.encrypt(publicKey, points[j], Group.randomScalar())
                            .reencrypt(publicKey, Group.randomScalar());
                    decrypted[j] = c.decrypt(secret);
                }
                assertArrayEquals(chosen, Selection.decode(decrypted, options).orElseThrow(), options + " options");
            }
        }
    }

    @Test
    void aWholeApprovalSetOfUpTo240OptionsIsOneGroupElement() {
        assertEquals(1, Selection.width(240));
        assertEquals(2, Selection.width(241));
        assertEquals(5, Selection.width(1000));
    }

    @Test
    void aPointThatIsNoEmbeddingOrSetsABitPastTheLastOptionDecodesAsInvalid() {
        assertTrue(Selection.decode(new ECPoint[] {Group.base(BigInteger.valueOf(12345))}, 10).isEmpty());
        ECPoint nineOptions = Selection.encode(new int[] {8}, 9)[0];
        assertTrue(Selection.decode(new ECPoint[] {nineOptions}, 8).isEmpty());
        assertNotEquals(Selection.encode(new int[] {0}, 8)[0], Selection.encode(new int[] {}, 8)[0]);
    }

    @Test
    void pointsAndScalarsSurviveTheirTextForm() {
        ECPoint p = Group.base(Group.randomScalar());
        assertEquals(p, Group.point(Group.hex(p)));
        BigInteger k = Group.randomScalar();
        assertEquals(k, Group.scalar(Group.hex(k)));
        Ciphertext c = Ciphertext.encrypt(p, Group.generator(), k);
        assertEquals(c, Ciphertext.parse(c.text()));
    }
}
