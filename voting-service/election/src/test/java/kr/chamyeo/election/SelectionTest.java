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
        for (int options : new int[] {1, 2, 7, 15, 16, 17, 32, 33, 240, 1000}) {
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
    void aWholeApprovalSetOfUpTo16OptionsIsOneGroupElement() {
        assertEquals(1, Selection.width(1));
        assertEquals(1, Selection.width(16));
        assertEquals(2, Selection.width(17));
        assertEquals(63, Selection.width(1000));
    }

    @Test
    void aPointThatIsNoChunkValueOrSetsABitPastTheLastOptionDecodesAsInvalid() {
        assertTrue(Selection.decode(new ECPoint[] {Group.base(BigInteger.valueOf(1 << 16).add(BigInteger.ONE))}, 16).isEmpty());
        assertTrue(Selection.decode(new ECPoint[] {Group.base(Group.randomScalar())}, 10).isEmpty());
        assertTrue(Selection.decode(new ECPoint[] {Group.infinity()}, 10).isEmpty());
        ECPoint nineOptions = Selection.encode(new int[] {8}, 9)[0];
        assertTrue(Selection.decode(new ECPoint[] {nineOptions}, 8).isEmpty());
        assertEquals(Group.base(BigInteger.valueOf(1 + (1 << 8))), nineOptions, "chunk value 2^8, plus one, times G");
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
