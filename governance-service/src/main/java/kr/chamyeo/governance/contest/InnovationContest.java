package kr.chamyeo.governance.contest;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A district's innovation contest (혁신행정 우수사례 경진대회) and where it stands; the stage rules are {@link ContestRules}. */
@Entity
@Table(name = "innovation_contest")
public class InnovationContest extends PanacheEntityBase {

    /** 접수 → 서면심사 → 온라인 투표 요청 → 투표 중 → 10건 선정 (or the ballot was refused). */
    @Schema(name = "ContestStatus")
    public enum Status { ENTRIES_OPEN, SCREENING, VOTE_REQUESTED, VOTING, SHORTLISTED, VOTE_REJECTED }

    @Id
    public UUID id;
    public String district;
    public int year;
    public String title;
    public int shortlistSize;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String correlationId;
    public String ballotId;
    public String rejectionReason;
    public Long voters;
    public OffsetDateTime createdAt;
}
