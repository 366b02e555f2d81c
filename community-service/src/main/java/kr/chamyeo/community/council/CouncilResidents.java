package kr.chamyeo.community.council;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The residents of a council's dong in a year, as a district officer recorded them with their source. */
@Entity
@Table(name = "council_residents")
@IdClass(CouncilResidents.Key.class)
public class CouncilResidents extends PanacheEntityBase {

    public record Key(UUID councilId, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public UUID councilId;
    @Id
    public int year;
    public int residents;
    public String source;
    public String recordedBy;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime recordedAt;

    /** The newest count recorded for the year or before it. */
    public static CouncilResidents upTo(UUID councilId, int year) {
        return find("councilId = ?1 and year <= ?2 order by year desc", councilId, year).firstResult();
    }

    public static List<CouncilResidents> byYear(UUID councilId) {
        return list("councilId = ?1 order by year", councilId);
    }
}
