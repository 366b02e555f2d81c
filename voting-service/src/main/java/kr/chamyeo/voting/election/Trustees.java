package kr.chamyeo.voting.election;

/** The JWT group of trustees; only voting-service knows it, so it lives here rather than in the platform's roles. */
public final class Trustees {

    /**
     * 개표 관리인: holds one share of an election's decryption key; takes part in the key ceremony, shuffles and
     * decrypts ballots after voting. Not bound to a district: an election names its trustees by token subject.
     */
    public static final String ROLE = "TRUSTEE";

    private Trustees() {
    }
}
