package kr.chamyeo.governance.outreach;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The city support team's plan for one district's support in one quarter (분기별 1회 민관협력 지원계획). */
@Entity
@Table(name = "outreach_support_plan")
public class OutreachSupportPlan extends PanacheEntityBase {

    @Id
    public UUID id;
    public int year;
    public String district;
    public int quarter;
    public LocalDate plannedOn;
    public String plan;
}
