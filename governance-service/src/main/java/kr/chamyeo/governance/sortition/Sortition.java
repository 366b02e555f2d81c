package kr.chamyeo.governance.sortition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

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
    @Column(name = "correlation_id")
    public String correlationId;
    @Column(name = "council_id")
    public String councilId;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "panel_size")
    public int panelSize;
    @Column(name = "reserve_count")
    public int reserveCount;
    @Column(name = "one_per_household")
    public boolean onePerHousehold;
    public String inputs;
    public String distribution;
    @Column(name = "minimum_probability")
    public Double minimumProbability;
    @Column(name = "seed_commitment")
    public String seedCommitment;
    /** Null until the draw (sortitions committed before issue 23 kept theirs from creation). */
    public String seed;
    /** The ceremony's public value the draw mixed in ({@link Lottery#drawSeed}); null for draws from before issue 23. */
    @Column(name = "public_value")
    public String publicValue;
    /** Only in the answer that creates a sortition drawn later: the seed the officer keeps, which is never stored before the draw. */
    @Transient
    public String heldSeed;
    public String selected;
    public String reserves;
    @Column(name = "panel_index")
    public Integer panelIndex;
    @Column(name = "failure_reason")
    public String failureReason;
    @Column(name = "conflicting_quotas")
    public String conflictingQuotas;
    /** A citizens' jury's term (seed 004: 운영기간 90일 이내); null for other sortitions. */
    @Column(name = "jury_term_start")
    public LocalDate juryTermStart;
    @Column(name = "jury_term_end")
    public LocalDate juryTermEnd;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "drawn_at")
    public OffsetDateTime drawnAt;

    public static Sortition byCorrelation(String correlationId) {
        return find("correlationId", correlationId).firstResult();
    }
}
