package kr.chamyeo.governance.forum;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The track by which a district took part in a year's youth autonomous budget (seed 000). */
@Entity
@Table(name = "district_track")
@IdClass(DistrictTrack.Key.class)
public class DistrictTrack extends PanacheEntityBase {

    /** 자치구 숙의형 (the district deliberative track), 거버넌스 활성화 지원사업 (support for the districts outside it). */
    public enum Track { DELIBERATIVE, SUPPORT }

    @Id
    public int year;
    @Id
    public String district;
    @Enumerated(EnumType.STRING)
    public Track track;
    public String source;

    public static class Key implements Serializable {
        public int year;
        public String district;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && year == k.year && Objects.equals(district, k.district);
        }

        @Override
        public int hashCode() {
            return Objects.hash(year, district);
        }
    }
}
