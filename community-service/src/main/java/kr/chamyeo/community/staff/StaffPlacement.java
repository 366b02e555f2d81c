package kr.chamyeo.community.staff;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One person placed in a district (and dong) in a village self-government role for a run of months. */
@Entity
@Table(name = "staff_placement")
public class StaffPlacement extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public String dong;
    @Enumerated(EnumType.STRING)
    public StaffRules.Role role;
    @Column(name = "person_name")
    public String personName;
    @Enumerated(EnumType.STRING)
    public StaffRules.Funding funding;
    /** First day of the first month. */
    @Column(name = "start_month")
    public LocalDate startMonth;
    /** First day of the last month. */
    @Column(name = "end_month")
    public LocalDate endMonth;
    @Column(name = "monthly_pay")
    public long monthlyPay;
    @Column(name = "created_by")
    public String createdBy;
}
