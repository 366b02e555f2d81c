package kr.chamyeo.election.shuffle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.Group;
import kr.chamyeo.election.Hash;

/**
 * The Fiat–Shamir side of the proof (PROTOCOL.md §7.3–7.4): what is hashed, in which order and with which bytes.
 * The statement digest covers the group, the public key, the seed (hence the context), every input and output
 * ciphertext and the permutation commitment; the challenge covers that digest and every other commitment —
 * a challenge over the commitments alone lets a prover pick the statement afterwards (Bernhard, Pereira,
 * Warinschi, ASIACRYPT 2012). Long lists enter through their own digest so that nothing builds one string of
 * 100,000 ballots.
 */
final class Transcript {

    /** Bit length of the batching exponents e_i (Verificatum's n_e): soundness error N·2^-128. */
    static final int BATCH_BITS = 128;

    private static final HexFormat HEX = HexFormat.of();

    private Transcript() {
    }

    /** The statement digest s (§7.3). */
    static String statement(ECPoint publicKey, String seed, Ciphertext[][] inputs, Ciphertext[][] outputs,
            ECPoint[] permutationCommitment) {
        return Hash.hex("chamyeo/shuffle/statement", Group.NAME, Group.generator(), publicKey, seed,
                inputs.length, inputs[0].length,
                listHash("chamyeo/shuffle/inputs", ballots(inputs)),
                listHash("chamyeo/shuffle/outputs", ballots(outputs)),
                listHash("chamyeo/shuffle/permutation-commitment", hexes(permutationCommitment)));
    }

    /** e_1..e_N: the first 16 bytes of SHA-256("chamyeo/shuffle/batch|s|i"), big-endian (array index i − 1). */
    static BigInteger[] batch(String statement, int count) {
        return Arithmetic.scalars(count, i -> new BigInteger(1,
                Arrays.copyOf(Hash.digest("chamyeo/shuffle/batch", statement, i + 1), BATCH_BITS / 8)));
    }

    /** The challenge v (§7.4). */
    static BigInteger challenge(String statement, ECPoint[] chain, ECPoint[] chainCommitments, ECPoint aPrime,
            ECPoint cPrime, ECPoint dPrime, Ciphertext[] fPrime) {
        return Hash.challenge("chamyeo/shuffle/challenge", statement,
                listHash("chamyeo/shuffle/chain", hexes(chain)),
                listHash("chamyeo/shuffle/chain-commitments", hexes(chainCommitments)),
                aPrime, cPrime, dPrime, ballot(fPrime));
    }

    /** A ballot (a ciphertext vector) as text: its ciphertexts "alphaHex,betaHex" joined by "/". */
    static String ballot(Ciphertext[] ciphertexts) {
        return Arrays.stream(ciphertexts).map(Ciphertext::text).collect(Collectors.joining("/"));
    }

    /** Lowercase hex of SHA-256(UTF-8(tag "|" count "|" item_1 ";" item_2 ";" … item_count)). */
    static String listHash(String tag, List<String> items) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        sha.update((tag + "|" + items.size() + "|").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sha.update((byte) ';');
            }
            sha.update(items.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return HEX.formatHex(sha.digest());
    }

    private static List<String> ballots(Ciphertext[][] ballots) {
        return IntStream.range(0, ballots.length).parallel().mapToObj(i -> ballot(ballots[i])).toList();
    }

    static List<String> hexes(ECPoint[] points) {
        return IntStream.range(0, points.length).parallel().mapToObj(i -> Group.hex(points[i])).toList();
    }
}
