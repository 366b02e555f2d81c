package kr.chamyeo.voting.counting;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * Whether this replica's heap can check a counting step of a board this size. A shuffle or a set of decryption shares
 * is checked with the whole board in memory, about 5 KB per ciphertext (voting-service/README.md "How large a ballot
 * can be counted"); a step that would not fit is refused up front with what to change, instead of an
 * OutOfMemoryError in the middle of a service that is also taking other ballots' votes.
 *
 * @param bytesPerCiphertext heap one ciphertext of the board costs while a step is checked
 * @param heapBytes          the heap a step may use: the JVM's maximum less what the service itself needs
 */
record CountingCapacity(long bytesPerCiphertext, long heapBytes) {

    /** The share of the maximum heap a step may take; the rest keeps serving votes, reads and the other ballots. */
    static final double STEP_SHARE = 0.75;

    static CountingCapacity of(long bytesPerCiphertext, long maxHeapBytes) {
        return new CountingCapacity(bytesPerCiphertext, (long) (maxHeapBytes * STEP_SHARE));
    }

    /**
     * 503 when checking a step over {@code ciphertexts} (ballots × width) needs more heap than this replica has: the
     * trustees cannot fix that, the operator can, and until then the ballot stays COUNTING and unreadable.
     */
    void require(long ciphertexts) {
        long needed = ciphertexts * bytesPerCiphertext;
        if (needed > heapBytes) {
            throw new ProblemException(503, "count-too-large", "Count too large for this replica",
                    "Checking a counting step of " + ciphertexts + " ciphertexts needs about " + mebibytes(needed)
                            + " MiB of heap; this replica allows " + mebibytes(heapBytes) + " MiB. Give voting-service more "
                            + "memory (README: How large a ballot can be counted); nothing was stored.", null)
                    .with("ciphertexts", ciphertexts).with("neededBytes", needed).with("availableBytes", heapBytes);
        }
    }

    private static long mebibytes(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }
}
