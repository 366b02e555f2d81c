package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

class KeyCeremonyTest {

    private static final String ELECTION = "budget-2026:gangnam";

    @Test
    void anHonestCeremonyGivesAKeyWhoseSecretIsTheSumOfTheTrusteesConstantTerms() {
        for (int[] nk : new int[][] {{1, 1}, {3, 1}, {3, 3}, {5, 3}}) {
            int n = nk[0];
            int k = nk[1];
            List<Trustee> trustees = IntStream.rangeClosed(1, n)
                    .mapToObj(i -> Trustee.create(ELECTION, i, n, k)).toList();
            List<KeyCeremony.TrusteeKey> keys = trustees.stream().map(Trustee::publicKey).toList();
            List<KeyCeremony.Round1> round1 = trustees.stream().map(t -> t.round1(keys)).toList();
            BigInteger secret = trustees.stream().map(t -> Group.scalar(t.secret().coefficients().get(0)))
                    .reduce(BigInteger.ZERO, BigInteger::add);
            List<KeyCeremony.Round2> round2 = trustees.stream().map(t -> t.round2(keys, round1).message()).toList();
            ElectionKey key = KeyCeremony.electionKey(ELECTION, n, k, keys, round1, round2);

            assertEquals(Group.base(secret), key.publicPoint(), n + "/" + k);
            for (Trustee t : trustees) {
                assertTrue(t.secret().coefficients().isEmpty(), "coefficients erased after round 2");
                int j = t.secret().index();
                assertEquals(Group.base(Group.scalar(t.secret().share())), key.shareKey(j));
                assertEquals(key.shareKey(j), KeyCeremony.shareKey(j, round1), "S_j from the commitments alone");
            }
        }
    }

    @Test
    void aTrusteeThatDealsAShareOffItsCommittedPolynomialIsNamedInATypedComplaint() {
        int n = 4;
        int k = 2;
        List<Trustee> trustees = IntStream.rangeClosed(1, n).mapToObj(i -> Trustee.create(ELECTION, i, n, k)).toList();
        List<KeyCeremony.TrusteeKey> keys = trustees.stream().map(Trustee::publicKey).toList();
        List<KeyCeremony.Round1> round1 = new ArrayList<>(trustees.stream().map(t -> t.round1(keys)).toList());
        // Trustee 2 deals trustee 3 a share of another polynomial, properly encrypted to trustee 3.
        KeyCeremony.Round1 honest = round1.get(1);
        List<KeyCeremony.EncryptedShare> shares = new ArrayList<>(honest.shares());
        shares.set(1, ShareEncryption.seal(Randomness.SECURE, ELECTION, 2, 3, Group.point(keys.get(2).publicKey()),
                Group.randomScalar()));
        round1.set(1, new KeyCeremony.Round1(ELECTION, 2, honest.commitments(), honest.proof(), shares));
        assertTrue(KeyCeremony.verify(round1.get(1), ELECTION, n, k), "nothing a bystander can see");

        Trustee.Round2Result result = trustees.get(2).round2(keys, round1);
        assertNull(result.message());
        assertEquals(List.of(new KeyCeremony.Complaint(ELECTION, 3, 2, KeyCeremony.Reason.INCONSISTENT)),
                result.complaints());
        assertNull(trustees.get(2).secret().share(), "no share from a failed round");
        assertTrue(trustees.get(0).round2(keys, round1).complaints().isEmpty(), "trustee 1's share was fine");
    }

    @Test
    void aShareThatDoesNotDecryptOrIsMissingIsComplainedAbout() {
        int n = 3;
        int k = 2;
        List<Trustee> trustees = IntStream.rangeClosed(1, n).mapToObj(i -> Trustee.create(ELECTION, i, n, k)).toList();
        List<KeyCeremony.TrusteeKey> keys = trustees.stream().map(Trustee::publicKey).toList();
        List<KeyCeremony.Round1> round1 = new ArrayList<>(trustees.stream().map(t -> t.round1(keys)).toList());
        KeyCeremony.Round1 honest = round1.get(0);
        List<KeyCeremony.EncryptedShare> shares = new ArrayList<>(honest.shares());
        KeyCeremony.EncryptedShare s = shares.get(0);
        String flipped = (s.sealed().charAt(0) == '0' ? "1" : "0") + s.sealed().substring(1);
        shares.set(0, new KeyCeremony.EncryptedShare(s.from(), s.to(), s.ephemeral(), s.nonce(), flipped));
        round1.set(0, new KeyCeremony.Round1(ELECTION, 1, honest.commitments(), honest.proof(), shares));
        round1.remove(2);

        assertEquals(List.of(new KeyCeremony.Complaint(ELECTION, 2, 1, KeyCeremony.Reason.UNDECRYPTABLE),
                new KeyCeremony.Complaint(ELECTION, 2, 3, KeyCeremony.Reason.MALFORMED)),
                trustees.get(1).round2(keys, round1).complaints());
    }

    @Test
    void aShareSealedForOneTrusteeOrElectionDoesNotOpenForAnother() {
        BigInteger x2 = Group.randomScalar();
        BigInteger x3 = Group.randomScalar();
        BigInteger share = Group.randomScalar();
        KeyCeremony.EncryptedShare sealed = ShareEncryption.seal(Randomness.SECURE, ELECTION, 1, 2, Group.base(x2), share);
        assertEquals(share, ShareEncryption.open(ELECTION, sealed, x2).orElseThrow());
        assertTrue(ShareEncryption.open(ELECTION, sealed, x3).isEmpty());
        assertTrue(ShareEncryption.open("other-election", sealed, x2).isEmpty());
        KeyCeremony.EncryptedShare readdressed = new KeyCeremony.EncryptedShare(3, 2, sealed.ephemeral(),
                sealed.nonce(), sealed.sealed());
        assertTrue(ShareEncryption.open(ELECTION, readdressed, x2).isEmpty(), "the sender is authenticated data");
    }

    @Test
    void publicChecksRefuseReplayedProofsAndWrongShapes() {
        Ceremony c = Ceremony.run(ELECTION, 3, 2);
        KeyCeremony.TrusteeKey key1 = c.keys().get(0);
        assertTrue(KeyCeremony.verify(key1, ELECTION, 3));
        assertFalse(KeyCeremony.verify(new KeyCeremony.TrusteeKey(ELECTION, 2, key1.publicKey(), key1.proof()),
                ELECTION, 3), "trustee 1's key claimed under index 2");
        assertFalse(KeyCeremony.verify(new KeyCeremony.TrusteeKey("other", 1, key1.publicKey(), key1.proof()),
                "other", 3), "replayed into another election");

        KeyCeremony.Round1 r1 = c.round1().get(0);
        assertTrue(KeyCeremony.verify(r1, ELECTION, 3, 2));
        assertFalse(KeyCeremony.verify(r1, ELECTION, 3, 3), "k commitments");
        List<String> swapped = List.of(r1.commitments().get(0), c.round1().get(1).commitments().get(1));
        assertFalse(KeyCeremony.verify(new KeyCeremony.Round1(ELECTION, 1, swapped, r1.proof(), r1.shares()),
                ELECTION, 3, 2), "the proof covers every commitment");
        assertFalse(KeyCeremony.verify(new KeyCeremony.Round1(ELECTION, 1, r1.commitments(), r1.proof(),
                r1.shares().subList(0, 1)), ELECTION, 3, 2), "a share for every other trustee");

        KeyCeremony.Round2 r2 = c.round2().get(0);
        assertTrue(KeyCeremony.verify(r2, ELECTION, c.round1()));
        KeyCeremony.Round2 other = c.round2().get(1);
        assertFalse(KeyCeremony.verify(new KeyCeremony.Round2(ELECTION, 1, other.shareKey(), other.proof()),
                ELECTION, c.round1()), "S_j must be what the commitments give for j");
    }

    @Test
    void theElectionKeyNeedsEveryTrusteesMessagesAndNamesTheOneThatFails() {
        Ceremony c = Ceremony.run(ELECTION, 3, 2);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> KeyCeremony.electionKey(ELECTION, 3, 2, c.keys(), c.round1(), c.round2().subList(0, 2)));
        assertTrue(missing.getMessage().startsWith("trustee 3"), missing.getMessage());
        List<KeyCeremony.Round2> forged = new ArrayList<>(c.round2());
        KeyCeremony.Round2 r2 = forged.get(1);
        forged.set(1, new KeyCeremony.Round2(ELECTION, 2, r2.shareKey(), c.round2().get(0).proof()));
        IllegalArgumentException invalid = assertThrows(IllegalArgumentException.class,
                () -> KeyCeremony.electionKey(ELECTION, 3, 2, c.keys(), c.round1(), forged));
        assertEquals("trustee 2: invalid round-2 message", invalid.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Trustee.create(ELECTION, 1, 3, 4), "k > n");
        assertThrows(IllegalArgumentException.class, () -> Trustee.create("a|b", 1, 3, 2), "separator in the id");
    }

    @Test
    void aTrusteeNoticesWhenTheRound1MessageUnderItsIndexIsNotItsOwn() {
        List<Trustee> trustees = IntStream.rangeClosed(1, 2).mapToObj(i -> Trustee.create(ELECTION, i, 2, 2)).toList();
        List<KeyCeremony.TrusteeKey> keys = trustees.stream().map(Trustee::publicKey).toList();
        List<KeyCeremony.Round1> round1 = trustees.stream().map(t -> t.round1(keys)).toList();
        Trustee impostor = Trustee.create(ELECTION, 1, 2, 2);
        List<KeyCeremony.Round1> substituted = List.of(
                impostor.round1(List.of(impostor.publicKey(), keys.get(1))), round1.get(1));
        assertThrows(IllegalStateException.class, () -> trustees.get(0).round2(keys, substituted));
    }

    @Test
    void theSecretStateSurvivesTheShareFileBetweenRounds() {
        List<Trustee> trustees = new ArrayList<>(IntStream.rangeClosed(1, 3)
                .mapToObj(i -> Trustee.create(ELECTION, i, 3, 2)).toList());
        List<KeyCeremony.TrusteeKey> keys = trustees.stream().map(Trustee::publicKey).toList();
        List<KeyCeremony.Round1> round1 = trustees.stream().map(t -> t.round1(keys)).toList();
        trustees.replaceAll(t -> Trustee.restore(t.secret()));
        assertEquals(round1.get(0).commitments(), trustees.get(0).round1(keys).commitments(),
                "a repeated round 1 re-sends the same polynomial");
        List<KeyCeremony.Round2> round2 = trustees.stream().map(t -> t.round2(keys, round1).message()).toList();
        ECPoint pk = KeyCeremony.electionKey(ELECTION, 3, 2, keys, round1, round2).publicPoint();
        assertEquals(pk, KeyCeremony.electionKey(ELECTION, 3, 2, keys, round1,
                trustees.stream().map(t -> Trustee.restore(t.secret()).round2(keys, round1).message()).toList())
                .publicPoint());
    }
}
