package kr.chamyeo.community.council;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A resident who answered the council's open call (공개모집). */
@Entity
@Table(name = "council_applicant")
public class CouncilApplicant extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID councilId;
    public String participantId;
    public String name;
    public String sex;
    public int birthYear;
    public OffsetDateTime appliedAt;

    /** A council's applicant pool in the order they applied. */
    public static List<CouncilApplicant> ofCouncil(UUID councilId) {
        return list("councilId = ?1 order by appliedAt", councilId);
    }

    public static long pooled(UUID councilId) {
        return count("councilId", councilId);
    }
}
