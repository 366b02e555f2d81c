package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The test vectors of PROTOCOL.md, computed from fixed randomness and compared with the document's JSON blocks, so
 * the document cannot drift from the code. After a deliberate format change, regenerate the blocks with
 * {@code ./mvnw -B -q install -pl voting-service/election -Dtest=ProtocolVectorsTest -Dprotocol.update=true} and
 * review the diff.
 */
class ProtocolVectorsTest {

    private static final Path DOCUMENT = Path.of("PROTOCOL.md");
    private static final String ELECTION = "example-2026";
    private static final String BALLOT_ID = "0f8e3a52-6b1d-4c7e-9a10-3d2b5c4e6f70";

    @Test
    void theDocumentsVectorsAreWhatTheCodeComputes() throws IOException {
        Map<String, Object> vectors = new LinkedHashMap<>();
        vectors.put("hash", hash());
        vectors.put("selection", selection());
        vectors.put("encryption", encryption());
        vectors.put("schnorr", schnorr());
        vectors.put("ballot", ballot());
        vectors.put("budget-ballot", budgetBallot());
        vectors.put("ceremony", ceremony());
        vectors.put("share", share());
        vectors.put("decryption", decryption());

        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        for (Map.Entry<String, Object> vector : vectors.entrySet()) {
            String json = Json.write(vector.getValue()) + "\n";
            Matcher block = block(vector.getKey()).matcher(document);
            assertTrue(block.find(), "PROTOCOL.md has no block <!-- vector: " + vector.getKey() + " -->");
            if (Boolean.getBoolean("protocol.update")) {
                document = document.substring(0, block.start(1)) + json + document.substring(block.end(1));
            } else {
                assertEquals(json, block.group(1), "vector " + vector.getKey());
            }
        }
        if (Boolean.getBoolean("protocol.update")) {
            Files.writeString(DOCUMENT, document, StandardCharsets.UTF_8);
        }
    }

    private static Pattern block(String name) {
        return Pattern.compile("<!-- vector: " + Pattern.quote(name) + " -->\n```json\n(.*?)```", Pattern.DOTALL);
    }

    private static String input(String tag, Object... parts) {
        return tag + Stream.of(parts).map(p -> "|" + Hash.text(p)).collect(Collectors.joining());
    }

    private static Map<String, Object> hash() {
        Object[] parts = {"P-256", Group.generator(), BigInteger.valueOf(5), 7,
                List.of(Group.base(BigInteger.TWO), Group.base(BigInteger.valueOf(3)))};
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("tag", "chamyeo/example");
        v.put("parts", "the string P-256, the point G, the scalar 5, the integer 7, the list [2·G, 3·G]");
        v.put("input", input("chamyeo/example", parts));
        v.put("sha256", Hash.hex("chamyeo/example", parts));
        v.put("challenge", Hash.challenge("chamyeo/example", parts));
        v.put("shortChallenge", Group.shortHex(Hash.shortChallenge("chamyeo/example", parts)));
        assertEquals(Hash.hex("chamyeo/example", parts), HexFormat.of().formatHex(sha256(input("chamyeo/example",
                parts))));
        return v;
    }

    private static Map<String, Object> selection() {
        int options = 20;
        int[] chosen = {1, 3, 17};
        ECPoint[] points = Selection.encode(chosen, options);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("options", options);
        v.put("chosen", List.of(1, 3, 17));
        v.put("chunks", List.of(10, 2));
        v.put("points", List.of(points).stream().map(Group::hex).toList());
        assertArrayEquals(new int[] {10, 2}, Selection.chunks(chosen, options));
        assertEquals(Group.base(BigInteger.valueOf(11)), points[0], "(m + 1)·G");
        assertEquals(Group.base(BigInteger.valueOf(3)), points[1], "(m + 1)·G");
        assertArrayEquals(chosen, Selection.decode(points, options).orElseThrow());
        return v;
    }

    private static Map<String, Object> encryption() {
        FixedRandomness random = new FixedRandomness("encryption");
        BigInteger secret = random.scalar();
        ECPoint publicKey = Group.base(secret);
        ECPoint message = Selection.encode(new int[] {1, 3, 9}, 10)[0];
        BigInteger r = random.scalar();
        Ciphertext c = Ciphertext.encrypt(publicKey, message, r);
        assertEquals(message, c.decrypt(secret));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("secretKey", secret);
        v.put("publicKey", Group.hex(publicKey));
        v.put("message", Group.hex(message));
        v.put("r", r);
        v.put("ciphertext", c.text());
        return v;
    }

    private static Map<String, Object> schnorr() {
        Trustee trustee = Trustee.create(new FixedRandomness("schnorr"), ELECTION, 1, 2, 2);
        KeyCeremony.TrusteeKey key = trustee.publicKey();
        SchnorrProof proof = SchnorrProof.parse(key.proof());
        ECPoint x = Group.point(key.publicKey());
        ECPoint commitment = Group.base(proof.response()).subtract(Group.mul(x, proof.challenge()));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("secret", trustee.secret().longTermKey());
        v.put("trusteeKey", key);
        v.put("commitment", Group.hex(commitment));
        v.put("hashInput", input(KeyCeremony.KEY_TAG, Group.NAME, Group.generator(), x, ELECTION, 1, commitment));
        assertTrue(KeyCeremony.verify(key, ELECTION, 2));
        return v;
    }

    private static Map<String, Object> ballot() {
        FixedRandomness random = new FixedRandomness("ballot");
        ECPoint publicKey = Group.base(random.scalar());
        SelectionRule rule = new SelectionRule(3, 1, 2, null, null);
        BallotEncryption.Encryption e = BallotEncryption.encrypt(random, BALLOT_ID, publicKey, rule, new int[] {2});
        EncryptedBallot ballot = e.ballot();
        assertTrue(ballot.verify(publicKey, rule));
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("publicKey", Group.hex(publicKey));
        v.put("rule", ordered("options", 3, "min", 1, "max", 2));
        v.put("chosen", List.of(2));
        v.put("ballot", ballot);
        v.put("randomness", e.randomness());
        v.put("choice0HashInput", intervalInput(publicKey, EncryptedBallot.choiceLabel(0),
                ballot.parsedChoices().get(0), 0, 1, ballot.choiceProofs().get(0)));
        v.put("countHashInput", intervalInput(publicKey, EncryptedBallot.COUNT_LABEL,
                EncryptedBallot.sum(ballot.parsedChoices()), 1, 2, ballot.countProof()));
        v.put("selectionCiphertexts", ballot.selectionCiphertexts().stream().map(Ciphertext::text).toList());
        v.put("tracker", ballot.tracker());
        return v;
    }

    private static Map<String, Object> budgetBallot() {
        FixedRandomness random = new FixedRandomness("budget-ballot");
        ECPoint publicKey = Group.base(random.scalar());
        SelectionRule rule = new SelectionRule(3, 1, 3, List.of(2_000_000L, 3_000_000L, 4_000_000L), 6_000_000L);
        BallotEncryption.Encryption e = BallotEncryption.encrypt(random, BALLOT_ID, publicKey, rule, new int[] {1});
        EncryptedBallot ballot = e.ballot();
        assertTrue(ballot.verify(publicKey, rule));
        assertEquals(BigInteger.valueOf(1_000_000), rule.unit());
        BudgetProof.Units units = BudgetProof.Units.of(rule);
        List<ECPoint> digits = ballot.budgetDigits().stream().map(Group::ballotPoint).toList();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("publicKey", Group.hex(publicKey));
        v.put("rule", ordered("options", 3, "min", 1, "max", 3, "costs", rule.costs(), "budgetLimit", rule.budgetLimit()));
        v.put("chosen", List.of(1));
        v.put("unit", 1_000_000);
        v.put("unspentUnits", 3);
        v.put("digits", BudgetProof.digits(rule));
        v.put("budgetGenerator", Group.hex(BudgetProof.GENERATOR));
        v.put("ballot", ballot);
        v.put("randomness", e.randomness());
        List<Object> digit0 = new ArrayList<>(List.of(Group.NAME, publicKey, BudgetProof.GENERATOR, BALLOT_ID,
                BudgetProof.digitLabel(0), digits.get(0)));
        ballot.budgetDigitProofs().get(0).forEach(branch -> digit0.add(Group.ballotPoint(branch.split(",")[0])));
        v.put("digit0HashInput", input(BudgetProof.DIGIT_TAG, digit0.toArray()));
        String[] link = ballot.budgetProof().get(0).split(",");
        v.put("budgetHashInput", input(BudgetProof.TAG, Group.NAME, publicKey, BudgetProof.GENERATOR, BALLOT_ID,
                units.costs(), units.limit(), ballot.parsedChoices(), digits, Group.ballotPoint(link[0]),
                Group.ballotPoint(link[1])));
        return v;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static String intervalInput(ECPoint publicKey, String label, Ciphertext ct, int lo, int hi, List<String> proof) {
        List<Object> parts = new ArrayList<>(List.of(Group.NAME, publicKey, BALLOT_ID, label, lo, hi, ct.alpha(), ct.beta()));
        for (String branch : proof) {
            String[] p = branch.split(",");
            parts.add(Group.ballotPoint(p[0]));
            parts.add(Group.ballotPoint(p[1]));
        }
        return input(IntervalProof.TAG, parts.toArray());
    }

    private static Ceremony fixedCeremony() {
        List<Trustee> trustees = List.of(
                Trustee.create(new FixedRandomness("trustee-1"), ELECTION, 1, 2, 2),
                Trustee.create(new FixedRandomness("trustee-2"), ELECTION, 2, 2, 2));
        return Ceremony.finish(ELECTION, 2, 2, trustees);
    }

    private static Map<String, Object> ceremony() {
        Ceremony c = fixedCeremony();
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("electionId", ELECTION);
        v.put("trustees", 2);
        v.put("threshold", 2);
        v.put("trusteeKeys", c.keys());
        v.put("round1", c.round1());
        v.put("round2", c.round2());
        v.put("electionKey", c.key());
        v.put("trustee1Secret", c.trustees().get(0).secret());
        return v;
    }

    private static Map<String, Object> share() {
        Ceremony c = fixedCeremony();
        KeyCeremony.EncryptedShare sealed = c.round1().get(0).shares().get(0);
        BigInteger x2 = Group.scalar(c.trustees().get(1).secret().longTermKey());
        ECPoint ephemeral = Group.point(sealed.ephemeral());
        ECPoint shared = Group.mul(ephemeral, x2);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("encryptedShare", sealed);
        v.put("recipientSecret", x2);
        v.put("sharedPoint", Group.hex(shared));
        v.put("keyInput", input(ShareEncryption.KEY_TAG, ELECTION, 1, 2, ephemeral, shared));
        v.put("aesKey", HexFormat.of().formatHex(ShareEncryption.key(ELECTION, 1, 2, ephemeral, shared)));
        v.put("aad", ELECTION + "|1|2");
        v.put("share", ShareEncryption.open(ELECTION, sealed, x2).orElseThrow());
        return v;
    }

    private static Map<String, Object> decryption() {
        Ceremony c = fixedCeremony();
        String context = ELECTION + "/tally";
        FixedRandomness random = new FixedRandomness("decryption");
        ECPoint message = Selection.encode(new int[] {2}, 3)[0];
        Ciphertext ciphertext = Ciphertext.encrypt(c.key().publicPoint(), message, random.scalar());
        List<ThresholdDecryption.PartialDecryption> partials = c.trustees().stream()
                .map(t -> ThresholdDecryption.partial(random, t.secret(), c.key(), context, List.of(ciphertext)))
                .toList();
        List<ECPoint> plaintext = ThresholdDecryption.combine(c.key(), context, List.of(ciphertext), partials);
        assertEquals(List.of(message), plaintext);
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("contextId", context);
        v.put("ciphertexts", List.of(ciphertext.text()));
        v.put("partialDecryptions", partials);
        v.put("lagrange", List.of(ThresholdDecryption.lagrange(1, List.of(1, 2)),
                ThresholdDecryption.lagrange(2, List.of(1, 2))));
        ThresholdDecryption.PartialDecryption first = partials.get(0);
        SchnorrProof proof = SchnorrProof.parse(first.proofs().get(0));
        ECPoint shareKey = c.key().shareKey(1);
        ECPoint d = Group.point(first.shares().get(0));
        v.put("trustee1HashInput", input(ThresholdDecryption.TAG, Group.NAME, c.key().publicPoint(), context, 1,
                shareKey, ciphertext.alpha(), d,
                Group.base(proof.response()).subtract(Group.mul(shareKey, proof.challenge())),
                Group.mul(ciphertext.alpha(), proof.response()).subtract(Group.mul(d, proof.challenge()))));
        v.put("plaintext", List.of(Group.hex(plaintext.get(0))));
        v.put("chosen", List.of(2));
        return v;
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
