package kr.chamyeo.voting.election;

import java.util.List;

import kr.chamyeo.election.KeyCeremony.Round1;
import kr.chamyeo.election.KeyCeremony.Round2;
import kr.chamyeo.election.KeyCeremony.TrusteeKey;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * The order of the key ceremony (PROTOCOL.md §5): every trustee publishes a long-term key; once all n are in, each
 * deals its round-1 shares encrypted to those keys; once all n round-1 messages are in, each checks the shares it
 * received and publishes its verification key (round 2) or a complaint. A message is published once and never
 * replaced: a trustee who could swap its commitments after seeing the others' could bias the key.
 */
public record Ceremony(String status, int trustees, List<TrusteeKey> keys, List<Round1> round1, List<Round2> round2) {

    public enum Step { KEY, ROUND1, ROUND2 }

    public void require(Step step, int seat, boolean alreadyPosted) {
        if (!"CEREMONY".equals(status)) {
            throw ProblemException.conflict("ceremony-over", "The key ceremony is " + status).with("ceremonyStatus", status);
        }
        if (alreadyPosted) {
            throw ProblemException.conflict("already-published", "Seat " + seat + " already published its " + step + " message; "
                    + "published messages are never replaced").with("seat", seat);
        }
        int before = switch (step) {
            case KEY -> trustees;
            case ROUND1 -> keys.size();
            case ROUND2 -> round1.size();
        };
        if (before < trustees) {
            throw ProblemException.conflict("ceremony-waiting", step + " starts when all " + trustees + " trustees have published "
                    + "the step before; " + before + " have").with("published", before);
        }
    }

    /** 422 unless the message is for this election and seat. */
    public static void requireAddressed(String electionId, int seat, String messageElection, int messageSeat) {
        if (!electionId.equals(messageElection)) {
            throw ProblemException.unprocessable("electionId", "must be this election's id (" + electionId + ")");
        }
        if (seat != messageSeat) {
            throw ProblemException.unprocessable("index", "must be the seat in the path (" + seat + ")");
        }
    }
}
