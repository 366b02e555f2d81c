package kr.chamyeo.governance.sortition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * A stored sortition. JSON columns keep the inputs and the distribution exactly as used, so the draw can be
 * re-run from them. Until the draw only the seed's commitment is stored (issue 23): the seed goes to the officer in
 * the answer that creates the sortition and comes back at the draw with the ceremony's public value; both are
 * stored and shown from then on.
 */
@Entity
@Table(name = "sortition")
public class Sortition extends PanacheEntityBase {

    public enum Status { COMMITTED, DRAWN, FAILED }

    @Id
    public UUID id;
    public String district;
    public String title;
    public String correlationId;
    public String councilId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int panelSize;
    public int reserveCount;
    public boolean onePerHousehold;
    public String inputs;
    public String distribution;
    public Double minimumProbability;
    public String seedCommitment;
    /** Null until the draw (sortitions committed before issue 23 kept theirs from creation). */
    public String seed;
    /** The ceremony's public value the draw mixed in ({@link Lottery#drawSeed}); null for draws from before issue 23. */
    public String publicValue;
    /** Only in the answer that creates a sortition drawn later: the seed the officer keeps, which is never stored before the draw. */
    @Transient
    public String heldSeed;
    public String selected;
    public String reserves;
    public Integer panelIndex;
    public String failureReason;
    public String conflictingQuotas;
    /** A citizens' jury's term (seed 004: 운영기간 90일 이내); null for other sortitions. */
    public LocalDate juryTermStart;
    public LocalDate juryTermEnd;
    public OffsetDateTime createdAt;
    public OffsetDateTime drawnAt;

    /**
     * The seed the draw runs on: its own when the sortition kept it (committed before issue 23), else the one brought
     * to the ceremony, which must open the commitment. 409 unless COMMITTED (a sortition is drawn once); 422 naming
     * {@code seed} when it is missing or opens another commitment.
     */
    public String drawingSeed(String brought) {
        if (status != Status.COMMITTED) {
            throw ProblemException.conflict("already-drawn", "Sortition " + id + " is " + status + ", not COMMITTED");
        }
        String committed = seed != null ? seed : brought == null ? null : brought.toLowerCase(Locale.ROOT);
        if (committed == null) {
            throw ProblemException.unprocessable("seed", "is required: the seed handed out when the sortition was created");
        }
        if (!Lottery.commitment(committed).equals(seedCommitment)) {
            throw ProblemException.unprocessable("seed", "does not match the sortition's seedCommitment " + seedCommitment);
        }
        return committed;
    }

    /** Only a drawn sortition has a revealed seed to re-run its draw from (409 otherwise). */
    public void requireDrawn() {
        if (status != Status.DRAWN) {
            throw ProblemException.conflict("not-drawn", "Sortition " + id + " is " + status + "; its seed is not revealed yet");
        }
    }

    public static Sortition byCorrelation(String correlationId) {
        return find("correlationId", correlationId).firstResult();
    }
}
