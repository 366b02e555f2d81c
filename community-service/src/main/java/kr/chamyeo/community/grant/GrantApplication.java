package kr.chamyeo.community.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "grant_application")
public class GrantApplication extends PanacheEntityBase {

    @Schema(name = "ApplicationStatus")
    public enum Status { SUBMITTED, SELECTED, REJECTED }

    @Id
    public UUID id;
    public UUID programmeId;
    public UUID groupId;
    public String title;
    public long requestedAmount;
    @JdbcTypeCode(SqlTypes.JSON)
    public String contributions;
    @JdbcTypeCode(SqlTypes.JSON)
    public String valuation;
    public long recognisedContribution;
    @Enumerated(EnumType.STRING)
    public Status status;
    public Long grantedAmount;
    public String decisionReason;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String submittedBy;
    public OffsetDateTime submittedAt;

    public static List<GrantApplication> toProgramme(UUID programmeId) {
        return list("programmeId = ?1 order by submittedAt", programmeId);
    }
}
