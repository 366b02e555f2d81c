package kr.chamyeo.verifier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** §1–§6 primitives of the verifier against PROTOCOL.md's vectors, and the same vectors altered. */
class PrimitivesTest {

    @Test
    void hashInputsAndChallengesAreThoseOfTheDocument() {
        JsonNode v = Vectors.get("hash");
        String[] parts = {"P-256", P256.hex(P256.G), P256.hex(BigInteger.valueOf(5)), "7",
                P256.list(List.of(P256.hex(P256.G.multiply(BigInteger.TWO)), P256.hex(P256.G.multiply(BigInteger.valueOf(3)))))};
        assertEquals(v.get("input").asText(), P256.input("chamyeo/example", parts));
        assertEquals(v.get("sha256").asText(), P256.hashHex("chamyeo/example", parts));
        assertEquals(new BigInteger(v.get("challenge").asText(), 16), P256.challenge("chamyeo/example", parts));
        assertEquals(P256.G_HEX, P256.hex(P256.G));
    }

    @Test
    void parsingAcceptsOneSpellingPerValue() {
        String g = P256.hex(P256.G);
        assertEquals(P256.G, P256.point(g));
        assertThrows(IllegalArgumentException.class, () -> P256.point(g.toUpperCase()));
        assertThrows(IllegalArgumentException.class, () -> P256.point("00"));
        assertThrows(IllegalArgumentException.class, () -> P256.point("04" + g.substring(2)));
        // x = 1 is not the x of a P-256 point (1 − 3 + b is no square mod p): refused, not guessed.
        assertThrows(IllegalArgumentException.class, () -> P256.point("02" + "0".repeat(63) + "1"));
        // x = p is x = 0 spelled a second way.
        assertThrows(IllegalArgumentException.class, () -> P256.point("02" + P256.P.toString(16)));
        assertEquals(BigInteger.ONE, P256.scalar("0".repeat(63) + "1"));
        assertThrows(IllegalArgumentException.class, () -> P256.scalar(P256.hex(P256.Q)));
        assertThrows(IllegalArgumentException.class, () -> P256.scalar("1"));
    }

    @Test
    void selectionsEncodeAndDecodeAsTheDocumentSays() {
        JsonNode v = Vectors.get("selection");
        int options = v.get("options").asInt();
        int[] chosen = {1, 3, 9};
        ECPoint[] points = Selections.encode(chosen, options);
        assertEquals(1, points.length);
        assertEquals(v.get("point").asText(), P256.hex(points[0]));
        assertArrayEquals(chosen, Selections.decode(points, 0, options));
        // The same point read as a ballot of 9 options has option 9 set, past the last: no selection.
        assertNull(Selections.decode(points, 0, 9));
        assertNull(Selections.decode(new ECPoint[] {points[0].negate().normalize()}, 0, options), "odd y");
        assertNull(Selections.decode(new ECPoint[] {P256.G}, 0, options), "no 01 prefix");
        assertEquals(1, Selections.width(240));
        assertEquals(2, Selections.width(241));

        JsonNode ballot = Vectors.get("ballot");
        for (int i = 0; i < 3; i++) {
            assertEquals(ballot.get("singlePoints").get(i).asText(), P256.hex(Selections.encode(new int[] {i}, 3)[0]));
        }
    }

    @Test
    void trusteeKeyProofsVerifyAndAlteredOnesDoNot() {
        JsonNode key = Vectors.get("schnorr").get("trusteeKey");
        ECPoint x = P256.point(key.get("publicKey").asText());
        String proof = key.get("proof").asText();
        assertTrue(Verifier.schnorr("chamyeo/trustee-key", x, proof, "key", "example-2026", "1"));
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", x, proof, "key", "example-2026", "2"), "another seat");
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", x, proof, "key", "example-2027", "1"), "another election");
        assertFalse(Verifier.schnorr("chamyeo/trustee-share", x, proof, "key", "example-2026", "1"), "another tag");
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", x, Tamper.secondScalar(proof), "key", "example-2026", "1"));
        assertFalse(Verifier.schnorr("chamyeo/trustee-key", P256.G, proof, "key", "example-2026", "1"), "another key");
    }

    @Test
    void decryptionProofsAndLagrangeCoefficientsAreThoseOfTheDocument() {
        JsonNode v = Vectors.get("decryption");
        JsonNode key = Vectors.get("ceremony").get("electionKey");
        String pk = key.get("publicKey").asText();
        String context = v.get("contextId").asText();
        String[] ciphertext = P256.pair(v.get("ciphertexts").get(0).asText());
        ECPoint alpha = P256.point(ciphertext[0]);
        ECPoint beta = P256.point(ciphertext[1]);
        ECPoint[] shares = new ECPoint[2];
        for (int j = 1; j <= 2; j++) {
            JsonNode partial = v.get("partialDecryptions").get(j - 1);
            String shareKey = key.get("shareKeys").get(j - 1).asText();
            shares[j - 1] = P256.point(partial.get("shares").get(0).asText());
            String proof = partial.get("proofs").get(0).asText();
            assertTrue(Verifier.decryptionProof(pk, context, j, P256.point(shareKey), shareKey, alpha, shares[j - 1], proof));
            assertFalse(Verifier.decryptionProof(pk, "example-2026/other", j, P256.point(shareKey), shareKey, alpha, shares[j - 1], proof),
                    "a share replayed into another decryption");
            assertFalse(Verifier.decryptionProof(pk, context, j, P256.point(shareKey), shareKey, alpha, shares[j - 1].twice().normalize(),
                    proof), "a wrong share");
            assertFalse(Verifier.decryptionProof(pk, context, j, P256.point(shareKey), shareKey, alpha, shares[j - 1],
                    Tamper.secondScalar(proof)));
        }
        BigInteger[] lambda = Verifier.lagrange(List.of(1, 2));
        assertEquals(v.get("lagrange").get(0).asText(), P256.hex(lambda[0]));
        assertEquals(v.get("lagrange").get(1).asText(), P256.hex(lambda[1]));
        ECPoint m = beta.subtract(shares[0].multiply(lambda[0])).subtract(shares[1].multiply(lambda[1])).normalize();
        assertEquals(v.get("plaintext").get(0).asText(), P256.hex(m));
        assertArrayEquals(new int[] {2}, Selections.decode(new ECPoint[] {m}, 0, 3));
        // One share alone interpolates to a point that is no selection.
        ECPoint alone = beta.subtract(shares[0]).normalize();
        assertNull(Selections.decode(new ECPoint[] {alone}, 0, 3));
    }
}
