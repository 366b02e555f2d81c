package kr.chamyeo.voting.counting;

import java.util.List;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * Where a ballot's counting stands once voting has ended (PROTOCOL.md §7–§8): first {@code threshold} trustees
 * each shuffle the previous round's ciphertexts in turn (round 1 shuffles the board), so that among any quorum able
 * to decrypt at least one has mixed and, if honest, has unlinked every ballot from its voter; then trustees post
 * decryption shares of the last round, and {@code threshold} of them decrypt it. With fewer trustees the ballot
 * stays uncounted: no one can read it, which is the point.
 */
public record Counting(int threshold, List<Integer> mixedBy, List<Integer> decryptedBy) {

    public enum Step { MIX, DECRYPT, DONE }

    public Step step() {
        if (mixedBy.size() < threshold) {
            return Step.MIX;
        }
        return decryptedBy.size() < threshold ? Step.DECRYPT : Step.DONE;
    }

    /** The round a trustee's shuffle is for; 409 when it is not the time to mix or this trustee already mixed. */
    public int roundFor(int seat) {
        if (step() != Step.MIX) {
            throw ProblemException.conflict("mixing-complete", "All " + threshold + " mixing rounds are done; post decryption shares");
        }
        if (mixedBy.contains(seat)) {
            throw ProblemException.conflict("already-mixed", "Trustee seat " + seat + " already shuffled this ballot; another "
                    + "trustee must mix the next round so that one honest trustee suffices").with("seat", seat);
        }
        return mixedBy.size() + 1;
    }

    /** 409 unless the mixing is complete and this trustee has not posted shares yet. */
    public void requireDecryption(int seat) {
        if (step() == Step.MIX) {
            throw ProblemException.conflict("mixing-not-complete", "Decryption starts after " + threshold + " mixing rounds; "
                    + mixedBy.size() + " done").with("rounds", mixedBy.size());
        }
        if (decryptedBy.contains(seat)) {
            throw ProblemException.conflict("already-decrypted", "Trustee seat " + seat + " already posted its decryption shares")
                    .with("seat", seat);
        }
    }
}
