package kr.chamyeo.election.shuffle;

import java.util.List;

/**
 * A Terelius–Wikström proof of a shuffle as it is stored (PROTOCOL.md §7.5): points as compressed hex, scalars
 * as 64 hex digits, ciphertexts as "alpha,beta". Names follow Verificatum's stand-alone verifier document
 * (u, B, A′, B′, C′, D′, F′ and the replies k_A … k_F). N = number of ballots, w = ciphertexts per ballot.
 *
 * @param permutationCommitment u_1..u_N, the Pedersen commitment to the permutation
 * @param chain                 B_1..B_N, the chain of commitments to the partial products of the permuted e
 * @param chainCommitments      B′_1..B′_N
 * @param aPrime                A′
 * @param cPrime                C′
 * @param dPrime                D′
 * @param fPrime                F′, w ciphertexts
 * @param kA                    k_A
 * @param kB                    k_B,1..k_B,N
 * @param kC                    k_C
 * @param kD                    k_D
 * @param kE                    k_E,1..k_E,N
 * @param kF                    k_F,1..k_F,w
 */
public record ShuffleProof(
        List<String> permutationCommitment,
        List<String> chain,
        List<String> chainCommitments,
        String aPrime,
        String cPrime,
        String dPrime,
        List<String> fPrime,
        String kA,
        List<String> kB,
        String kC,
        String kD,
        List<String> kE,
        List<String> kF) {

    public ShuffleProof {
        permutationCommitment = List.copyOf(permutationCommitment);
        chain = List.copyOf(chain);
        chainCommitments = List.copyOf(chainCommitments);
        fPrime = List.copyOf(fPrime);
        kB = List.copyOf(kB);
        kE = List.copyOf(kE);
        kF = List.copyOf(kF);
    }
}
