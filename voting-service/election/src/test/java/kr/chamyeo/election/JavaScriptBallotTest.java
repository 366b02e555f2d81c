package kr.chamyeo.election;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The apps' reference encryptor (voting-service/encryptor, JavaScript on @noble/curves) against this module: ballots
 * it encrypts under a key drawn here, for ballot ids and choices chosen here, must pass exactly the checks the service
 * applies to a client-encrypted ballot (§4.3), open by Benaloh audit to the choice (§4.5), decrypt to it with
 * the secret key, and carry the tracker this module computes (§4.4). The PROTOCOL.md vectors pin both to the same
 * bytes for fixed randomness; this test shows they agree on fresh random ballots too. Needs node (on every machine
 * and CI here); installs the encryptor's locked dependencies when its own Maven module has not yet.
 */
class JavaScriptBallotTest {

    private static final Path ENCRYPTOR = Path.of("..", "encryptor").toAbsolutePath().normalize();

    private record Case(String ballotId, SelectionRule rule, int[] chosen) {
        String spec() {
            String spec = ballotId + ":" + rule.options() + ":" + rule.min() + ":" + rule.max() + ":" + joined(chosen);
            return rule.isBudget()
                    ? spec + ":" + String.join(",", rule.costs().stream().map(String::valueOf).toList()) + ":" + rule.budgetLimit()
                    : spec;
        }
    }

    @Test
    void ballotsEncryptedByTheJavaScriptModuleVerifyOpenAndDecryptHere() throws Exception {
        BigInteger secret = Group.randomScalar();
        ECPoint publicKey = Group.base(secret);
        SelectionRule budget = new SelectionRule(5, 1, 3,
                List.of(120_000_000L, 45_000_000L, 80_000_000L, 30_000_000L, 15_000_000L), 200_000_000L);
        SelectionRule realBudget = new SelectionRule(10, 0, 3,
                IntStream.range(0, 10).mapToObj(i -> 12_340_000L + i * 7_310_000L).toList(), 150_000_000L);
        List<Case> cases = List.of(
                new Case(id(), SelectionRule.single(1), new int[] {0}),
                new Case(id(), SelectionRule.single(3), new int[] {2}),
                new Case(id(), SelectionRule.single(20), new int[] {19}),
                new Case(id(), new SelectionRule(8, 0, 8, null, null), new int[] {}),
                new Case(id(), new SelectionRule(17, 1, 5, null, null), new int[] {0, 16}),
                new Case(id(), new SelectionRule(40, 0, 40, null, null), IntStream.range(0, 40).toArray()),
                new Case(id(), budget, new int[] {0, 1, 4}),
                new Case(id(), budget, new int[] {2}),
                // L′ = 200 (unit 1,000,000): 8 bits in 4 digits, some spent to the last unit.
                new Case(id(), new SelectionRule(3, 0, 3, List.of(150_000_000L, 49_000_000L, 51_000_000L), 200_000_000L),
                        new int[] {0, 1}),
                // Non-round costs (unit 10,000원): L′ = 15,000, 14 bits in 7 digits.
                new Case(id(), realBudget, new int[] {8, 9}),
                new Case(id(), realBudget, new int[] {}));

        List<String> lines = emit(Group.hex(publicKey), cases);
        assertEquals(cases.size(), lines.size(), "one line per requested ballot");
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            String[] f = lines.get(k).split("\t", -1);
            assertEquals(9, f.length, "fields of line " + k);
            EncryptedBallot ballot = new EncryptedBallot(f[0], list(f[1]), proofs(f[2]), list(f[3]), list(f[4]),
                    proofs(f[5]), list(f[6]));
            String what = c.spec().substring(37);
            assertEquals(c.ballotId(), ballot.ballotId(), what);
            assertTrue(ballot.verify(publicKey, c.rule()), "proofs of " + what);
            assertArrayEquals(c.chosen(), BallotAudit.open(ballot, publicKey, c.rule().options(),
                    List.of(f[7].split(","))).orElseThrow(), "audit of " + what);
            ECPoint[] plaintext = ballot.selectionCiphertexts().stream().map(ct -> ct.decrypt(secret))
                    .toArray(ECPoint[]::new);
            assertArrayEquals(c.chosen(), Selection.decode(plaintext, c.rule().options()).orElseThrow(),
                    "decryption of " + what);
            assertEquals(ballot.tracker(), f[8], "tracker of " + what);
            EncryptedBallot moved = new EncryptedBallot(id(), ballot.choices(), ballot.choiceProofs(),
                    ballot.countProof(), ballot.budgetDigits(), ballot.budgetDigitProofs(), ballot.budgetProof());
            assertFalse(moved.verify(publicKey, c.rule()), "the proofs are bound to their ballot id: " + what);
        }
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    private static String joined(int[] chosen) {
        return String.join(",", IntStream.of(chosen).mapToObj(Integer::toString).toList());
    }

    /** Branches joined by ';'. */
    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(";"));
    }

    /** Proofs joined by '|', each a {@link #list}. */
    private static List<List<String>> proofs(String joined) {
        return joined.isEmpty() ? List.of() : Stream.of(joined.split("\\|")).map(JavaScriptBallotTest::list).toList();
    }

    private static List<String> emit(String publicKey, List<Case> cases) throws IOException, InterruptedException {
        if (!Files.isDirectory(ENCRYPTOR.resolve("node_modules/@noble/curves"))) {
            run(List.of("npm", "ci"));
        }
        List<String> command = new ArrayList<>(List.of("node", "test/emit.mjs", publicKey));
        cases.forEach(c -> command.add(c.spec()));
        return run(command).lines().toList();
    }

    /** Runs a command in the encryptor's folder; its errors go to the build log, its output is returned. */
    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(ENCRYPTOR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), String.join(" ", command) + " did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + " failed (see its errors above)");
        return out;
    }
}
