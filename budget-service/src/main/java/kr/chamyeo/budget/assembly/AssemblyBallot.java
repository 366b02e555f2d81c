package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.budget.cycle.Cycle;

/** One ballot requested from voting-service; {@code ballotId} is known once voting-service confirms it. */
@Entity
public class AssemblyBallot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Cycle cycle;
    @Enumerated(EnumType.STRING)
    public Electorate electorate;
    public String correlationId;
    public String ballotId;
    public OffsetDateTime opensAt;
    public OffsetDateTime closesAt;
    public String rejectedReason;
    public OffsetDateTime closedAt;
    public Integer voters;
    public Integer boxChunks;

    public static String correlationId(long cycleId, Electorate electorate) {
        return "budget:" + cycleId + ":" + electorate.name();
    }

    public static Optional<AssemblyBallot> byCorrelation(String correlationId) {
        return correlationId == null ? Optional.empty() : find("correlationId", correlationId).firstResultOptional();
    }

    public static Optional<AssemblyBallot> byBallotId(String ballotId) {
        return ballotId == null ? Optional.empty() : find("ballotId", ballotId).firstResultOptional();
    }
}
