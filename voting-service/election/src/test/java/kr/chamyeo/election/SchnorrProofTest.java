package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class SchnorrProofTest {

    @Test
    void anHonestProofVerifiesOnlyForItsTagBasePointAndContext() {
        ECPoint otherBase = Group.base(Group.randomScalar());
        for (int trial = 0; trial < 20; trial++) {
            BigInteger x = Group.randomScalar();
            ECPoint base = trial % 2 == 0 ? Group.generator() : otherBase;
            ECPoint publicPoint = Group.mul(base, x);
            SchnorrProof proof = SchnorrProof.prove("t", base, x, "election-1", 3);
            assertTrue(proof.verify("t", base, publicPoint, "election-1", 3));
            assertFalse(proof.verify("u", base, publicPoint, "election-1", 3), "another tag");
            assertFalse(proof.verify("t", base, publicPoint, "election-2", 3), "another election");
            assertFalse(proof.verify("t", base, publicPoint, "election-1", 4), "another index");
            assertFalse(proof.verify("t", base, publicPoint.add(Group.generator()), "election-1", 3), "another point");
            assertFalse(proof.verify("t", base.twice(), publicPoint, "election-1", 3), "another base");
            assertFalse(new SchnorrProof(proof.challenge(), proof.response().add(BigInteger.ONE))
                    .verify("t", base, publicPoint, "election-1", 3), "tampered response");
        }
    }

    @Test
    void scalarsOutsideTheGroupOrderAreRefusedEvenWhenTheyWouldVerifyModQ() {
        BigInteger x = Group.randomScalar();
        SchnorrProof proof = SchnorrProof.prove("t", Group.generator(), x);
        SchnorrProof shifted = new SchnorrProof(proof.challenge(), proof.response().add(Group.order()));
        assertFalse(shifted.verify("t", Group.generator(), Group.base(x)));
    }

    @Test
    void theNeutralElementIsNoPublicKeyEvenWithAProofForTheSecretZero() {
        SchnorrProof proof = SchnorrProof.prove("t", Group.generator(), BigInteger.ZERO);
        assertFalse(proof.verify("t", Group.generator(), Group.infinity()));
    }

    @Test
    void theTextFormRoundTrips() {
        SchnorrProof proof = SchnorrProof.prove("t", Group.generator(), Group.randomScalar());
        assertEquals(proof, SchnorrProof.parse(proof.text()));
    }
}
