package kr.chamyeo.election.shuffle;

/**
 * The context of a ballot's mixing round (PROTOCOL.md §7): {@code <ballotId>/mix/<round>}, rounds counted from 1.
 * It goes into the generators' seed and every challenge, so a proof made for one round or ballot verifies for no
 * other.
 */
public final class MixRound {

    private MixRound() {
    }

    public static String context(String ballotId, int round) {
        return ballotId + "/mix/" + round;
    }
}
