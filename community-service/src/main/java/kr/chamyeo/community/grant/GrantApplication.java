package kr.chamyeo.community.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "grant_application")
public class GrantApplication extends PanacheEntityBase {

    public enum Status { SUBMITTED, SELECTED, REJECTED }

    @Id
    public UUID id;
    @Column(name = "programme_id")
    public UUID programmeId;
    @Column(name = "group_id")
    public UUID groupId;
    public String title;
    @Column(name = "requested_amount")
    public long requestedAmount;
    @JdbcTypeCode(SqlTypes.JSON)
    public String contributions;
    @JdbcTypeCode(SqlTypes.JSON)
    public String valuation;
    @Column(name = "recognised_contribution")
    public long recognisedContribution;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "granted_amount")
    public Long grantedAmount;
    @Column(name = "decision_reason")
    public String decisionReason;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "submitted_by")
    public String submittedBy;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;

    public static List<GrantApplication> toProgramme(UUID programmeId) {
        return list("programmeId = ?1 order by submittedAt", programmeId);
    }
}
