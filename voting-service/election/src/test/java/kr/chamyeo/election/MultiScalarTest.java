package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Random;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/** {@link MultiScalar} against BouncyCastle's own {@code ECAlgorithms.sumOfMultiplies} and against plain multiplication. */
class MultiScalarTest {

    private final Random random = new Random(21);

    @Test
    void agreesWithBouncyCastleForShortLongAndMixedScalars() {
        for (int count : new int[] {1, 2, 3, 7, 16, 64, 150, 300, 1100}) {
            ECPoint[] points = new ECPoint[count];
            BigInteger[] scalars = new BigInteger[count];
            for (int i = 0; i < count; i++) {
                points[i] = Group.base(Group.randomScalar());
                // Weights of the batch test (64 bits), challenges (256), tiny costs and q − 1 (the longest NAF).
                scalars[i] = switch (i % 4) {
                    case 0 -> new BigInteger(64, random);
                    case 1 -> Group.randomScalar();
                    case 2 -> BigInteger.valueOf(random.nextInt(40));
                    default -> Group.order().subtract(BigInteger.ONE);
                };
            }
            assertEquals(ECAlgorithms.sumOfMultiplies(copies(points), scalars).normalize(),
                    MultiScalar.sum(points, scalars).normalize(), count + " terms");
        }
    }

    /** The two algorithms on the same terms, so that both are tested whatever {@link MultiScalar#BUCKETS_FROM} is. */
    @Test
    void bucketsAndInterleavedWindowsAgreeOnEveryKindOfTerm() {
        for (int count : new int[] {1, 2, 5, 40, 200, 600}) {
            ECPoint[] points = new ECPoint[count];
            BigInteger[] scalars = new BigInteger[count];
            for (int i = 0; i < count; i++) {
                points[i] = i % 17 == 16 ? Group.infinity() : Group.base(Group.randomScalar());
                scalars[i] = switch (i % 6) {
                    case 0 -> new BigInteger(64, random).setBit(0);
                    case 1 -> Group.randomScalar();
                    case 2 -> BigInteger.ZERO;
                    case 3 -> Group.order().subtract(BigInteger.ONE);
                    // Every digit at its extreme: the signed recoding carries through all windows.
                    case 4 -> BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE);
                    default -> Group.randomScalar().negate();
                };
            }
            assertEquals(MultiScalar.interleaved(points, scalars).normalize(), MultiScalar.buckets(points, scalars).normalize(),
                    count + " terms");
        }
    }

    /**
     * Every window width {@link MultiScalar#window} may choose, up to 16 bits (a digit then spans three bytes of the
     * scalar): the signed digits add up to the scalar and stay within (−2^(c−1), 2^(c−1)].
     */
    @Test
    void signedDigitsOfEveryWidthAddUpToTheScalar() {
        for (int c = 4; c <= 16; c++) {
            for (BigInteger k : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, new BigInteger(64, random), Group.randomScalar(),
                    Group.order().subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE)}) {
                int[] digits = MultiScalar.signedDigits(k, c);
                BigInteger sum = BigInteger.ZERO;
                for (int w = digits.length - 1; w >= 0; w--) {
                    assertTrue(digits[w] > -(1 << (c - 1)) && digits[w] <= 1 << (c - 1), "digit " + digits[w] + " of width " + c);
                    sum = sum.shiftLeft(c).add(BigInteger.valueOf(digits[w]));
                }
                assertEquals(k, sum, "width " + c);
            }
        }
    }

    @Test
    void skipsZeroScalarsAndThePointAtInfinityAndReducesModQ() {
        ECPoint p = Group.base(BigInteger.valueOf(5));
        ECPoint q = Group.base(BigInteger.valueOf(11));
        ECPoint sum = MultiScalar.sum(new ECPoint[] {p, Group.infinity(), q, p},
                new BigInteger[] {BigInteger.TWO, BigInteger.TEN, BigInteger.ZERO, Group.order().add(BigInteger.ONE)});
        assertEquals(Group.base(BigInteger.valueOf(15)), sum.normalize());
        assertTrue(MultiScalar.sum(new ECPoint[0], new BigInteger[0]).isInfinity());
        assertTrue(MultiScalar.sum(new ECPoint[] {p, p}, new BigInteger[] {BigInteger.ONE, Group.order().subtract(BigInteger.ONE)})
                .isInfinity());
    }

    @Test
    void acceptsPointsThatAreNotNormalised() {
        ECPoint p = Group.generator().twice().add(Group.generator());
        BigInteger k = Group.randomScalar();
        assertEquals(Group.base(k.multiply(BigInteger.valueOf(3))), MultiScalar.sum(new ECPoint[] {p}, new BigInteger[] {k}).normalize());
    }

    @Test
    void refusesListsOfDifferentLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> MultiScalar.sum(new ECPoint[] {Group.generator()}, new BigInteger[] {BigInteger.ONE, BigInteger.TWO}));
    }

    /** BouncyCastle caches its tables on the points it is given; copies keep the two computations apart. */
    private static ECPoint[] copies(ECPoint[] points) {
        ECPoint[] copies = new ECPoint[points.length];
        for (int i = 0; i < points.length; i++) {
            copies[i] = Group.curve().createPoint(points[i].getAffineXCoord().toBigInteger(),
                    points[i].getAffineYCoord().toBigInteger());
        }
        return copies;
    }
}
