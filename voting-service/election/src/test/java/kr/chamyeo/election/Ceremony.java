package kr.chamyeo.election;

import java.util.List;
import java.util.stream.IntStream;

/** A complete, honest key ceremony among n trustees, as the trustee commands would run it. */
record Ceremony(List<Trustee> trustees, List<KeyCeremony.TrusteeKey> keys, List<KeyCeremony.Round1> round1,
        List<KeyCeremony.Round2> round2, ElectionKey key) {

    static Ceremony run(String electionId, int n, int k) {
        List<Trustee> trustees = IntStream.rangeClosed(1, n).mapToObj(i -> Trustee.create(electionId, i, n, k)).toList();
        return finish(electionId, n, k, trustees);
    }

    static Ceremony finish(String electionId, int n, int k, List<Trustee> trustees) {
        List<KeyCeremony.TrusteeKey> keys = trustees.stream().map(Trustee::publicKey).toList();
        List<KeyCeremony.Round1> round1 = trustees.stream().map(t -> t.round1(keys)).toList();
        List<KeyCeremony.Round2> round2 = trustees.stream().map(t -> t.round2(keys, round1).message()).toList();
        return new Ceremony(trustees, keys, round1, round2,
                KeyCeremony.electionKey(electionId, n, k, keys, round1, round2));
    }
}
