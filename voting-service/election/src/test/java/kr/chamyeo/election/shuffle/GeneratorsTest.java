package kr.chamyeo.election.shuffle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashSet;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import kr.chamyeo.election.Group;

class GeneratorsTest {

    /** secp256r1's b (SEC 2, §2.4.2). */
    private static final BigInteger B =
            new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    @Test
    void generatorsAreTheFirstEvenPointOfTheHashChainAsPROTOCOLSaysWithPlainIntegerArithmetic() throws Exception {
        String seed = Generators.seed(Group.base(BigInteger.TWO), "ballot 7 / round 1");
        ECPoint[] h = Generators.derive(seed, 40);
        BigInteger p = Group.fieldPrime();
        for (int i = 1; i <= h.length; i++) {
            BigInteger x;
            BigInteger y;
            int counter = 0;
            while (true) {
                String input = "chamyeo/generator|" + seed + "|" + i + "|" + counter;
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
                x = new BigInteger(1, digest).mod(p);
                BigInteger rhs = x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(p);
                // p ≡ 3 (mod 4): a square's root is rhs^((p+1)/4).
                y = rhs.modPow(p.add(BigInteger.ONE).shiftRight(2), p);
                if (y.multiply(y).mod(p).equals(rhs)) {
                    break;
                }
                counter++;
            }
            if (y.testBit(0)) {
                y = p.subtract(y);
            }
            assertEquals(x, h[i - 1].getAffineXCoord().toBigInteger(), "x of h_" + i);
            assertEquals(y, h[i - 1].getAffineYCoord().toBigInteger(), "y of h_" + i);
        }
    }

    @Test
    void generatorsAreDistinctAndDependOnPublicKeyAndContext() {
        ECPoint pk = Group.base(BigInteger.TWO);
        ECPoint[] h = Generators.derive(Generators.seed(pk, "ballot 7 / round 1"), 200);
        assertEquals(200, new HashSet<>(Arrays.stream(h).map(Group::hex).toList()).size());
        assertFalse(Arrays.stream(h).anyMatch(g -> g.equals(Group.generator())));

        assertArrayEquals(h, Generators.derive(Generators.seed(pk, "ballot 7 / round 1"), 200));
        assertNotEquals(h[0], Generators.derive(Generators.seed(pk, "ballot 7 / round 2"), 1)[0]);
        ECPoint otherKey = Group.base(BigInteger.TEN);
        assertNotEquals(h[0], Generators.derive(Generators.seed(otherKey, "ballot 7 / round 1"), 1)[0]);
    }
}
