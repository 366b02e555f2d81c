package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * One trustee's private work in the key ceremony and the decryption (PROTOCOL.md §5, §6): what the trustee
 * command runs on the trustee's own machine. The state lives in a {@link TrusteeSecret}; the command writes
 * {@link #secret()} to its share file after every step and {@link #restore}s it for the next.
 */
public final class Trustee {

    /** Round 2's outcome: the message to publish, or (then {@code message} is null) the complaints. */
    public record Round2Result(KeyCeremony.Round2 message, List<KeyCeremony.Complaint> complaints) {
        public Round2Result {
            complaints = List.copyOf(complaints);
        }
    }

    private final Randomness random;
    private TrusteeSecret secret;

    private Trustee(Randomness random, TrusteeSecret secret) {
        this.random = random;
        this.secret = secret;
    }

    /** A new trustee i of n with threshold k for this election, with a fresh long-term key. */
    public static Trustee create(String electionId, int index, int trustees, int threshold) {
        return create(Randomness.SECURE, electionId, index, trustees, threshold);
    }

    static Trustee create(Randomness random, String electionId, int index, int trustees, int threshold) {
        return restore(random, new TrusteeSecret(electionId, index, trustees, threshold,
                Group.hex(random.scalar()), List.of(), null));
    }

    /** The trustee whose state the share file holds. */
    public static Trustee restore(TrusteeSecret secret) {
        return restore(Randomness.SECURE, secret);
    }

    static Trustee restore(Randomness random, TrusteeSecret secret) {
        KeyCeremony.checkParameters(secret.electionId(), secret.trustees(), secret.threshold());
        if (secret.index() < 1 || secret.index() > secret.trustees()) {
            throw new IllegalArgumentException("trustee index " + secret.index() + " not in 1.." + secret.trustees());
        }
        Group.scalar(secret.longTermKey());
        return new Trustee(random, secret);
    }

    public TrusteeSecret secret() {
        return secret;
    }

    /** X_i with its proof of knowledge, bound to the election id and the index. */
    public KeyCeremony.TrusteeKey publicKey() {
        BigInteger x = Group.scalar(secret.longTermKey());
        SchnorrProof proof = SchnorrProof.prove(random, KeyCeremony.KEY_TAG, Group.generator(), x,
                secret.electionId(), secret.index());
        return new KeyCeremony.TrusteeKey(secret.electionId(), secret.index(), Group.hex(Group.base(x)), proof.text());
    }

    /**
     * Round 1: after checking every trustee's key, picks the polynomial (once: a repeated call re-sends the same
     * polynomial with fresh encryptions) and deals P_i(j) to every other trustee j.
     */
    public KeyCeremony.Round1 round1(List<KeyCeremony.TrusteeKey> keys) {
        List<KeyCeremony.TrusteeKey> sortedKeys = checkedKeys(keys);
        if (secret.share() != null) {
            throw new IllegalStateException("trustee " + secret.index() + " has finished the ceremony");
        }
        if (secret.coefficients().isEmpty()) {
            List<String> coefficients = new ArrayList<>(secret.threshold());
            for (int l = 0; l < secret.threshold(); l++) {
                coefficients.add(Group.hex(random.scalar()));
            }
            secret = new TrusteeSecret(secret.electionId(), secret.index(), secret.trustees(), secret.threshold(),
                    secret.longTermKey(), coefficients, null);
        }
        List<BigInteger> a = coefficients();
        List<ECPoint> commitments = a.stream().map(Group::base).toList();
        SchnorrProof proof = SchnorrProof.prove(random, KeyCeremony.COEFFICIENT_TAG, Group.generator(), a.get(0),
                secret.electionId(), secret.index(), commitments);
        List<KeyCeremony.EncryptedShare> shares = new ArrayList<>(secret.trustees() - 1);
        for (int j = 1; j <= secret.trustees(); j++) {
            if (j != secret.index()) {
                shares.add(ShareEncryption.seal(random, secret.electionId(), secret.index(), j,
                        Group.point(sortedKeys.get(j - 1).publicKey()), evaluate(a, j)));
            }
        }
        return new KeyCeremony.Round1(secret.electionId(), secret.index(),
                commitments.stream().map(Group::hex).toList(), proof.text(), shares);
    }

    /**
     * Round 2: decrypts the share every other trustee dealt it and checks it against that trustee's commitments
     * (Belenios §4.5.5: g^{s_ij} = Π_l A_il^{j^l}); any failure is a complaint naming the sender and nothing is
     * published. Otherwise s_j = Σ_i P_i(j), the coefficients are erased and S_j is published with its proof.
     */
    public Round2Result round2(List<KeyCeremony.TrusteeKey> keys, List<KeyCeremony.Round1> round1) {
        if (secret.share() != null) {
            return new Round2Result(shareMessage(Group.scalar(secret.share())), List.of());
        }
        if (secret.coefficients().isEmpty()) {
            throw new IllegalStateException("trustee " + secret.index() + " has not done round 1");
        }
        checkedKeys(keys);
        String electionId = secret.electionId();
        int j = secret.index();
        List<BigInteger> a = coefficients();
        List<ECPoint> ownCommitments = a.stream().map(Group::base).toList();
        BigInteger sum = evaluate(a, j);
        List<KeyCeremony.Complaint> complaints = new ArrayList<>();
        for (int i = 1; i <= secret.trustees(); i++) {
            Optional<KeyCeremony.Round1> message = messageOf(round1, i);
            if (i == j) {
                if (message.isEmpty()
                        || !message.get().commitments().equals(ownCommitments.stream().map(Group::hex).toList())) {
                    throw new IllegalStateException("the round-1 message under trustee " + j + " is not this trustee's");
                }
                continue;
            }
            if (message.isEmpty()
                    || !KeyCeremony.verify(message.get(), electionId, secret.trustees(), secret.threshold())) {
                complaints.add(new KeyCeremony.Complaint(electionId, j, i, KeyCeremony.Reason.MALFORMED));
                continue;
            }
            KeyCeremony.EncryptedShare share = message.get().shares().stream().filter(s -> s.to() == j)
                    .findFirst().orElseThrow();
            Optional<BigInteger> value = ShareEncryption.open(electionId, share, Group.scalar(secret.longTermKey()));
            if (value.isEmpty()) {
                complaints.add(new KeyCeremony.Complaint(electionId, j, i, KeyCeremony.Reason.UNDECRYPTABLE));
                continue;
            }
            ECPoint[] commitments = message.get().commitments().stream().map(Group::point).toArray(ECPoint[]::new);
            ECPoint expected = ECAlgorithms.sumOfMultiplies(commitments, KeyCeremony.powers(j, commitments.length));
            if (!Group.base(value.get()).equals(expected)) {
                complaints.add(new KeyCeremony.Complaint(electionId, j, i, KeyCeremony.Reason.INCONSISTENT));
                continue;
            }
            sum = sum.add(value.get());
        }
        if (!complaints.isEmpty()) {
            return new Round2Result(null, complaints);
        }
        BigInteger share = sum.mod(Group.order());
        secret = new TrusteeSecret(electionId, j, secret.trustees(), secret.threshold(), secret.longTermKey(),
                List.of(), Group.hex(share));
        return new Round2Result(shareMessage(share), List.of());
    }

    /** This trustee's decryption shares of {@code ciphertexts}, with proofs (PROTOCOL.md §6). */
    public ThresholdDecryption.PartialDecryption decrypt(ElectionKey key, String contextId,
            List<Ciphertext> ciphertexts) {
        if (secret.share() == null) {
            throw new IllegalStateException("trustee " + secret.index() + " has no key share yet");
        }
        return ThresholdDecryption.partial(random, secret, key, contextId, ciphertexts);
    }

    private KeyCeremony.Round2 shareMessage(BigInteger share) {
        SchnorrProof proof = SchnorrProof.prove(random, KeyCeremony.SHARE_TAG, Group.generator(), share,
                secret.electionId(), secret.index());
        return new KeyCeremony.Round2(secret.electionId(), secret.index(), Group.hex(Group.base(share)),
                proof.text());
    }

    private List<KeyCeremony.TrusteeKey> checkedKeys(List<KeyCeremony.TrusteeKey> keys) {
        List<KeyCeremony.TrusteeKey> sorted = KeyCeremony.sorted(keys, KeyCeremony.TrusteeKey::index,
                secret.trustees(), "trustee key");
        for (KeyCeremony.TrusteeKey key : sorted) {
            if (!KeyCeremony.verify(key, secret.electionId(), secret.trustees())) {
                throw new IllegalArgumentException("trustee " + key.index() + ": invalid trustee key");
            }
        }
        return sorted;
    }

    private static Optional<KeyCeremony.Round1> messageOf(List<KeyCeremony.Round1> round1, int trustee) {
        List<KeyCeremony.Round1> found = round1.stream().filter(m -> m.trustee() == trustee).toList();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private List<BigInteger> coefficients() {
        return secret.coefficients().stream().map(Group::scalar).toList();
    }

    /** P(x) = Σ_l a_l·x^l mod q. */
    private static BigInteger evaluate(List<BigInteger> a, int x) {
        BigInteger[] powers = KeyCeremony.powers(x, a.size());
        BigInteger value = BigInteger.ZERO;
        for (int l = 0; l < a.size(); l++) {
            value = value.add(a.get(l).multiply(powers[l]));
        }
        return value.mod(Group.order());
    }
}
