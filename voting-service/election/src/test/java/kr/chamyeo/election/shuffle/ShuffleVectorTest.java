package kr.chamyeo.election.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Group;
import kr.chamyeo.election.Hash;

/**
 * The shuffle vector of PROTOCOL.md §7.9, computed from fixed randomness and compared with the document, so that the
 * byte-level description an independent verifier is written from cannot drift from the code. Regenerate after a
 * deliberate format change with {@code -Dprotocol.update=true} (as for ProtocolVectorsTest) and review the diff.
 */
class ShuffleVectorTest {

    private static final Path DOCUMENT = Path.of("PROTOCOL.md");
    private static final Pattern BLOCK = Pattern.compile("<!-- vector: shuffle -->\n```json\n(.*?)```", Pattern.DOTALL);
    private static final String CONTEXT = "example-2026/mix/1";

    @Test
    void theDocumentsShuffleVectorIsWhatTheCodeComputesAndVerifies() throws IOException {
        Shuffle.Coins coins = (use, index) -> Hash.challenge("chamyeo/example-coins", use, index);
        BigInteger secret = coins.scalar("secret", 0);
        ECPoint pk = Group.base(secret);
        // Three ballots of width 2: component k of ballot i encrypts (2i + k + 1)·G.
        Ciphertext[][] in = new Ciphertext[3][2];
        for (int i = 0; i < 3; i++) {
            for (int k = 0; k < 2; k++) {
                in[i][k] = Ciphertext.encrypt(pk, Group.base(BigInteger.valueOf(2L * i + k + 1)),
                        coins.scalar("input", 2 * i + k));
            }
        }
        String seed = Generators.seed(pk, CONTEXT);
        ECPoint[] h = Generators.derive(seed, 3);
        Shuffle.Result result = Shuffle.prove(pk, seed, in, h, coins);
        Ciphertext[][] out = Shuffle.matrix(result.outputs());
        ShuffleProof proof = result.proof();
        List<List<Ciphertext>> inputs = Arrays.stream(in).map(List::of).toList();
        assertTrue(Shuffle.verify(pk, CONTEXT, inputs, result.outputs(), proof));

        ECPoint[] u = proof.permutationCommitment().stream().map(Group::point).toArray(ECPoint[]::new);
        String statement = Transcript.statement(pk, seed, in, out, u);
        Map<String, Object> vector = new LinkedHashMap<>();
        vector.put("secretKey", Group.hex(secret));
        vector.put("publicKey", Group.hex(pk));
        vector.put("context", CONTEXT);
        vector.put("inputs", Arrays.stream(in).map(Transcript::ballot).toList());
        vector.put("seed", seed);
        vector.put("generators", Transcript.hexes(h));
        vector.put("outputs", Arrays.stream(out).map(Transcript::ballot).toList());
        vector.put("statement", statement);
        vector.put("batch", Arrays.stream(Transcript.batch(statement, 3)).map(Group::hex).toList());
        Ciphertext[] fPrime = proof.fPrime().stream().map(Ciphertext::parse).toArray(Ciphertext[]::new);
        vector.put("challenge", Group.hex(Transcript.challenge(statement, points(proof.chain()),
                points(proof.chainCommitments()), Group.point(proof.aPrime()), Group.point(proof.cPrime()),
                Group.point(proof.dPrime()), fPrime)));
        vector.put("proof", proof);
        vector.put("plaintexts", IntStream.range(0, 3)
                .mapToObj(i -> Arrays.stream(out[i]).map(c -> Group.hex(c.decrypt(secret))).toList()).toList());

        assertEquals(vector, asDocumented(vector), "PROTOCOL.md §7.2–7.4 recomputed from the text alone");

        String json = write(vector, "") + "\n";
        String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
        Matcher block = BLOCK.matcher(document);
        assertTrue(block.find(), "PROTOCOL.md has no block <!-- vector: shuffle -->");
        if (Boolean.getBoolean("protocol.update")) {
            Files.writeString(DOCUMENT, document.substring(0, block.start(1)) + json + document.substring(block.end(1)),
                    StandardCharsets.UTF_8);
        } else {
            assertEquals(json, block.group(1));
        }
    }

    /**
     * The vector with seed, statement, batch and challenge recomputed by string concatenation and SHA-256 exactly
     * as §7.2–7.4 describe them, without Hash or Transcript: the document alone must be enough.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> asDocumented(Map<String, Object> vector) {
        Map<String, Object> p = proofFields((ShuffleProof) vector.get("proof"));
        List<String> inputs = (List<String>) vector.get("inputs");
        String seed = sha256("chamyeo/shuffle/seed|P-256|" + vector.get("publicKey") + "|" + vector.get("context"));
        String statement = sha256("chamyeo/shuffle/statement|P-256|" + Group.hex(Group.generator()) + "|"
                + vector.get("publicKey") + "|" + seed + "|" + inputs.size() + "|2|"
                + listHash("chamyeo/shuffle/inputs", inputs) + "|"
                + listHash("chamyeo/shuffle/outputs", (List<String>) vector.get("outputs")) + "|"
                + listHash("chamyeo/shuffle/permutation-commitment", (List<String>) p.get("permutationCommitment")));
        List<String> batch = IntStream.rangeClosed(1, inputs.size())
                .mapToObj(i -> Group.hex(new BigInteger(sha256("chamyeo/shuffle/batch|" + statement + "|" + i)
                        .substring(0, 32), 16)))
                .toList();
        String challenge = Group.hex(new BigInteger(sha256("chamyeo/shuffle/challenge|" + statement + "|"
                + listHash("chamyeo/shuffle/chain", (List<String>) p.get("chain")) + "|"
                + listHash("chamyeo/shuffle/chain-commitments", (List<String>) p.get("chainCommitments")) + "|"
                + p.get("aPrime") + "|" + p.get("cPrime") + "|" + p.get("dPrime") + "|"
                + String.join("/", (List<String>) p.get("fPrime"))), 16).mod(Group.order()));
        Map<String, Object> recomputed = new LinkedHashMap<>(vector);
        recomputed.put("seed", seed);
        recomputed.put("statement", statement);
        recomputed.put("batch", batch);
        recomputed.put("challenge", challenge);
        return recomputed;
    }

    private static String listHash(String tag, List<String> items) {
        return sha256(tag + "|" + items.size() + "|" + String.join(";", items));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECPoint[] points(List<String> hexes) {
        return hexes.stream().map(Group::point).toArray(ECPoint[]::new);
    }

    /** The layout of the document's other vectors: two-space indentation, one element per line. */
    private static String write(Object value, String indent) {
        if (value instanceof String s) {
            return '"' + s + '"';
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> indent + "  " + write(item, indent + "  "))
                    .collect(java.util.stream.Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> indent + "  \"" + entry.getKey() + "\": " + write(entry.getValue(), indent + "  "))
                    .collect(java.util.stream.Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
        }
        return write(proofFields((ShuffleProof) value), indent);
    }

    /** The proof's fields by name, in the order of the record (the order the service stores them in). */
    private static Map<String, Object> proofFields(ShuffleProof proof) {
        Map<String, Object> fields = new LinkedHashMap<>();
        try {
            for (RecordComponent component : ShuffleProof.class.getRecordComponents()) {
                fields.put(component.getName(), component.getAccessor().invoke(proof));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return fields;
    }
}
