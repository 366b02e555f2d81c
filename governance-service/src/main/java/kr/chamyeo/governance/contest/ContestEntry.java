package kr.chamyeo.governance.contest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A department's case entered in a contest, its written review (서면심사) and, for those that passed, its votes. */
@Entity
@Table(name = "contest_entry")
public class ContestEntry extends PanacheEntityBase {

    @Schema(name = "ContestReviewReview")
    public enum Review { PASSED, SCREENED_OUT }

    @Id
    public UUID id;
    public UUID contestId;
    /** 접수 번호 in the order of entry; the ballot option's key is {@link #optionKey()}. */
    public int number;
    public String department;
    public String title;
    public String summary;
    public OffsetDateTime submittedAt;
    @Enumerated(EnumType.STRING)
    public Review review;
    public Integer score;
    public String reviewNote;
    public Long votes;
    public boolean shortlisted;

    String optionKey() {
        return "e-" + number;
    }

    static List<ContestEntry> of(UUID contestId) {
        return list("contestId = ?1 order by number", contestId);
    }
}
