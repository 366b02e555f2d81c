package kr.chamyeo.community.space;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 공간 프로그램: a course or event run at a community space, with sessions that occupy the space. */
@Entity
@Table(name = "space_programme")
public class SpaceProgramme extends PanacheEntityBase {

    @Schema(name = "SpaceProgrammeProgrammeStatus")
    public enum Status { PUBLISHED, CANCELLED }

    /** Who may sign up. */
    @Schema(name = "SpaceProgrammeEligibility")
    public enum Eligibility {
        /** any resident of Seoul */
        SEOUL,
        /** residents of the space's district (자치구 주민) */
        DISTRICT,
        /** residents of the space's dong (동 주민) */
        DONG
    }

    @Id
    public UUID id;
    public UUID spaceId;
    public String title;
    public String description;
    public int capacity;
    /** Approved sign-ups; only changed under a row lock on the programme. */
    public int approved;
    @Enumerated(EnumType.STRING)
    public Eligibility eligibility;
    public Integer minAge;
    public Integer maxAge;
    public boolean autoApprove;
    public boolean waitlist;
    public OffsetDateTime signUpOpensAt;
    public OffsetDateTime signUpClosesAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String publishedBy;
    public OffsetDateTime publishedAt;
    public String cancelReason;
}
