package kr.chamyeo.community.council;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One round of member selection by lottery (추첨), answered by governance-service's sortition. */
@Entity
@Table(name = "council_lottery")
public class CouncilLottery extends PanacheEntityBase {

    @Schema(name = "LotteryStatus")
    public enum Status { REQUESTED, DRAWN, FAILED }

    @Id
    public UUID id;
    public UUID councilId;
    public int round;
    public String correlationId;
    @Enumerated(EnumType.STRING)
    public Status status;
    public int seats;
    public int reserves;
    @JdbcTypeCode(SqlTypes.JSON)
    public String quotas;
    public int poolSize;
    public int excludedApplicants;
    public String sortitionId;
    public String seedCommitment;
    /** Null until the draw: only the commitment is stored before it (issue 23). */
    public String seed;
    /** The value drawn at the public ceremony, entered by the officer; null until then. */
    public String publicValue;
    /** Only in the answer that requests the lottery: the seed the officer keeps for the ceremony, never stored. */
    @Transient
    public String sealedSeed;
    public String reason;
    @JdbcTypeCode(SqlTypes.JSON)
    public String conflictingQuotas;
    public OffsetDateTime requestedAt;
    public OffsetDateTime completedAt;

    public static CouncilLottery byCorrelation(String correlationId) {
        return find("correlationId", correlationId).firstResult();
    }

    public static CouncilLottery round(UUID councilId, int round) {
        return find("councilId = ?1 and round = ?2", councilId, round).firstResult();
    }

    public static List<CouncilLottery> rounds(UUID councilId) {
        return list("councilId = ?1 order by round", councilId);
    }
}
