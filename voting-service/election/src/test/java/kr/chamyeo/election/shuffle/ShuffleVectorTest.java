package kr.chamyeo.election.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
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
        Map<String, Object> fields = new LinkedHashMap<>();
        try {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                fields.put(component.getName(), component.getAccessor().invoke(value));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return write(fields, indent);
    }
}
