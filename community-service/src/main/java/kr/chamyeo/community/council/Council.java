package kr.chamyeo.community.council;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/** 주민자치회 of one dong. It is established from its rollout year on (단계별 설치). */
@Entity
@Table(name = "council")
public class Council extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public String dong;
    public String name;
    public int rolloutYear;
    public int seats;
    public int reserves;
    public java.math.BigDecimal requiredEducationHours;

    /** The councils of a district (every district's when {@code district} is null), by district and dong. */
    public static List<Council> inDistrict(String district) {
        return list("(:d is null or district = :d) order by district, dong", Parameters.with("d", district));
    }

    /** Councils established by the end of {@code year} (연차별 설치). */
    public static long establishedBy(int year) {
        return count("rolloutYear <= ?1", year);
    }
}
