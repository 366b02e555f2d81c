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

/** 프로그램 참여 신청. */
@Entity
@Table(name = "programme_sign_up")
public class SignUp extends PanacheEntityBase {

    @Schema(name = "SignUpStatus")
    public enum Status {
        REQUESTED,
        APPROVED,
        /** 대기: approved for a place that frees up; promoted in sign-up order when an approved one cancels */
        WAITLISTED,
        REJECTED,
        CANCELLED;

        public boolean live() {
            return this == REQUESTED || this == APPROVED || this == WAITLISTED;
        }
    }

    @Id
    public UUID id;
    public UUID programmeId;
    public String participant;
    public String district;
    public String dong;
    public String note;
    @Enumerated(EnumType.STRING)
    public Status status;
    public OffsetDateTime requestedAt;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String reason;
}
