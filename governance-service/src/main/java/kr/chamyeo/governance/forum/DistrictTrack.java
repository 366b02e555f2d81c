package kr.chamyeo.governance.forum;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.governance.YearAndDistrict;

/** The track by which a district took part in a year's youth autonomous budget (seed 000). */
@Entity
@Table(name = "district_track")
@IdClass(YearAndDistrict.class)
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
}
