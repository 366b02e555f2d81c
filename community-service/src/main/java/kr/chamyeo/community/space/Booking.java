package kr.chamyeo.community.space;

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

/** 대관 신청. */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    @Schema(name = "BookingStatus")
    public enum Status { REQUESTED, APPROVED, REJECTED, CANCELLED }

    @Id
    public UUID id;
    public UUID spaceId;
    public String requester;
    public String purpose;
    public int attendees;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String decidedBy;
    public OffsetDateTime decidedAt;
    public String reason;
    public OffsetDateTime createdAt;

    public static List<Booking> ofSpace(UUID spaceId) {
        return list("spaceId = ?1 order by startsAt", spaceId);
    }

    /** A requester's bookings, by start. */
    public static List<Booking> of(String requester) {
        return list("requester = ?1 order by startsAt", requester);
    }
}
