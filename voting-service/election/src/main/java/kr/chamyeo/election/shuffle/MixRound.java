package kr.chamyeo.election.shuffle;

/**
 * The contexts of a ballot's counting (PROTOCOL.md §8.3, §8.4, §8.6). A ballot counted as one batch keeps the original
 * names: mixing round {@code <ballotId>/mix/<round>} (rounds counted from 1) and decryption context {@code <ballotId>}.
 * A ballot of several batches names the batch too: {@code <ballotId>/batch/<b>/mix/<round>} and
 * {@code <ballotId>/batch/<b>} (batches counted from 0). The context goes into the generators' seed and every
 * challenge, so a proof made for one round, batch or ballot verifies for no other.
 */
public final class MixRound {

    private MixRound() {
    }

    public static String context(String ballotId, int round) {
        return ballotId + "/mix/" + round;
    }

    /** Round {@code round} of batch {@code batch} when the ballot is counted in {@code batches} batches. */
    public static String context(String ballotId, int batches, int batch, int round) {
        return batches == 1 ? context(ballotId, round) : decryptionContext(ballotId, batches, batch) + "/mix/" + round;
    }

    /** The decryption context id (§6) of batch {@code batch}. */
    public static String decryptionContext(String ballotId, int batches, int batch) {
        return batches == 1 ? ballotId : ballotId + "/batch/" + batch;
    }
}
