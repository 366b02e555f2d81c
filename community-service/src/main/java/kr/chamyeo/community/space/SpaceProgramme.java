package kr.chamyeo.community.space;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 공간 프로그램: a course or event run at a community space, with sessions that occupy the space. */
@Entity
@Table(name = "space_programme")
public class SpaceProgramme extends PanacheEntityBase {

    public enum Status { PUBLISHED, CANCELLED }

    /** Who may sign up. */
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
    @Column(name = "space_id")
    public UUID spaceId;
    public String title;
    public String description;
    public int capacity;
    /** Approved sign-ups; only changed under a row lock on the programme. */
    public int approved;
    @Enumerated(EnumType.STRING)
    public Eligibility eligibility;
    @Column(name = "min_age")
    public Integer minAge;
    @Column(name = "max_age")
    public Integer maxAge;
    @Column(name = "auto_approve")
    public boolean autoApprove;
    public boolean waitlist;
    @Column(name = "sign_up_opens_at")
    public OffsetDateTime signUpOpensAt;
    @Column(name = "sign_up_closes_at")
    public OffsetDateTime signUpClosesAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
    @Column(name = "cancel_reason")
    public String cancelReason;
}
