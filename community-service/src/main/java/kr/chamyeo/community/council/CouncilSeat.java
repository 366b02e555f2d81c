package kr.chamyeo.community.council;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "council_seat")
@IdClass(CouncilSeat.Key.class)
public class CouncilSeat extends PanacheEntityBase {

    /** 위원 / 예비위원. */
    @Schema(name = "SeatRole")
    public enum Role { MEMBER, RESERVE }

    public record Key(UUID councilId, UUID applicantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public UUID councilId;
    @Id
    public UUID applicantId;
    public UUID lotteryId;
    @Enumerated(EnumType.STRING)
    public Role role;
    public int position;

    /** A council's seats: members, then reserves, each by position. */
    public static List<CouncilSeat> ofCouncil(UUID councilId) {
        return list("councilId = ?1 order by role, position", councilId);
    }

    public static long members(UUID councilId) {
        return count("councilId = ?1 and role = ?2", councilId, Role.MEMBER);
    }
}
