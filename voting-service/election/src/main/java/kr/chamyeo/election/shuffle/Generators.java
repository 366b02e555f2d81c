package kr.chamyeo.election.shuffle;

import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.Group;
import kr.chamyeo.election.Hash;

/**
 * The independent generators h_1..h_N of the permutation commitment (PROTOCOL.md §7.2), derived from a public
 * seed so that anybody can recompute them and nobody can know a discrete logarithm between them. The Swiss Post
 * mix-net accepted generators chosen by the prover; whoever knows their logarithms can "prove" a shuffle that
 * replaces ballots (Haines, Lewis, Pereira, Teague, IEEE S&amp;P 2020). This is the role of the "independent
 * generators" derived with a random oracle in Verificatum's stand-alone verifier document.
 * <p>
 * Each is {@link Group#independentGenerator}; the N generators are independent of each other and derived on all cores.
 */
public final class Generators {

    private Generators() {
    }

    /**
     * The seed of one shuffle: it covers the group, the election public key and the context (ballot id and
     * mixing round), so generators of one shuffle are never reused for another.
     */
    public static String seed(ECPoint publicKey, String context) {
        return Hash.hex("chamyeo/shuffle/seed", Group.NAME, publicKey, context);
    }

    /** h_1..h_N (array index i − 1). */
    public static ECPoint[] derive(String seed, int count) {
        return IntStream.rangeClosed(1, count).parallel().mapToObj(i -> Group.independentGenerator(seed, i))
                .toArray(ECPoint[]::new);
    }
}
