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

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The apps' reference encryptor (voting-service/encryptor, JavaScript on @noble/curves) against this module: ballots
 * it encrypts under a key drawn here, for ballot ids and choices chosen here, must pass exactly the checks the service
 * applies to a client-encrypted ballot (§4.2, §4.3), open by Benaloh audit to the choice (§4.5), decrypt to it with
 * the secret key, and carry the tracker this module computes (§4.4). The PROTOCOL.md vectors pin both to the same
 * bytes for fixed randomness; this test shows they agree on fresh random ballots too. Needs node (on every machine
 * and CI here); installs the encryptor's locked dependencies when its own Maven module has not yet.
 */
class JavaScriptBallotTest {

    private static final Path ENCRYPTOR = Path.of("..", "encryptor").toAbsolutePath().normalize();

    private record Case(String ballotId, int options, boolean single, int[] chosen) {
        String spec() {
            return ballotId + ":" + options + ":" + (single ? "single" : "approval") + ":"
                    + String.join(",", IntStream.of(chosen).mapToObj(Integer::toString).toList());
        }
    }

    @Test
    void ballotsEncryptedByTheJavaScriptModuleVerifyOpenAndDecryptHere() throws Exception {
        BigInteger secret = Group.randomScalar();
        ECPoint publicKey = Group.base(secret);
        int[] everyOption = IntStream.range(0, 241).toArray();
        List<Case> cases = List.of(
                single(1, 0), single(3, 2), single(9, 8), single(240, 239),
                approval(8), approval(9, 0, 8), approval(240, 0, 119, 239), approval(241, 240),
                approval(241, everyOption));

        List<String> lines = emit(Group.hex(publicKey), cases);
        assertEquals(cases.size(), lines.size(), "one line per requested ballot");
        for (int k = 0; k < cases.size(); k++) {
            Case c = cases.get(k);
            String[] f = lines.get(k).split("\t", -1);
            assertEquals(8, f.length, "fields of line " + k);
            EncryptedBallot ballot = new EncryptedBallot(f[0], List.of(f[1].split(";")), f[2], list(f[3]),
                    list(f[4]), list(f[5]));
            String what = c.spec().substring(37);
            assertEquals(c.ballotId(), ballot.ballotId(), what);
            assertEquals(Selection.width(c.options()), ballot.ciphertexts().size(), what);
            assertTrue(ballot.verify(publicKey, c.options()), "proof of knowledge of " + what);
            assertEquals(c.single(), ballot.verifySingle(publicKey, c.options()), "SINGLE proof of " + what);
            assertArrayEquals(c.chosen(), BallotAudit.open(ballot, publicKey, c.options(), list(f[6])).orElseThrow(),
                    "audit of " + what);
            ECPoint[] plaintext = ballot.parsedCiphertexts().stream().map(ct -> ct.decrypt(secret))
                    .toArray(ECPoint[]::new);
            assertArrayEquals(c.chosen(), Selection.decode(plaintext, c.options()).orElseThrow(),
                    "decryption of " + what);
            assertEquals(ballot.tracker(), f[7], "tracker of " + what);
            EncryptedBallot moved = new EncryptedBallot(UUID.randomUUID().toString(), ballot.ciphertexts(),
                    ballot.challenge(), ballot.responses(), ballot.selectionChallenges(), ballot.selectionResponses());
            assertFalse(moved.verify(publicKey, c.options()), "the proof is bound to its ballot id: " + what);
        }
    }

    private static Case single(int options, int choice) {
        return new Case(UUID.randomUUID().toString(), options, true, new int[] {choice});
    }

    private static Case approval(int options, int... chosen) {
        return new Case(UUID.randomUUID().toString(), options, false, chosen);
    }

    private static List<String> list(String joined) {
        return joined.isEmpty() ? List.of() : List.of(joined.split(","));
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
