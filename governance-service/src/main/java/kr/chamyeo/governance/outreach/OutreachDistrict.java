package kr.chamyeo.governance.outreach;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.governance.YearAndDistrict;

/** A district taking part in the outreach-centre programme in a year, with its stage (단계). */
@Entity
@Table(name = "outreach_district")
@IdClass(YearAndDistrict.class)
public class OutreachDistrict extends PanacheEntityBase {

    /** 1단계 전동 (all dongs), 1단계 일부 (some dongs), 2단계 신규 (new in stage 2). */
    public enum Stage { STAGE1_WHOLE, STAGE1_PARTIAL, STAGE2_NEW }

    @Id
    public int year;
    @Id
    public String district;
    @Enumerated(EnumType.STRING)
    public Stage stage;
}
