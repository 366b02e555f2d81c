package kr.chamyeo.community.staff;

import java.time.LocalDate;
import java.util.UUID;

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
    public String personName;
    @Enumerated(EnumType.STRING)
    public StaffRules.Funding funding;
    /** First day of the first month. */
    public LocalDate startMonth;
    /** First day of the last month. */
    public LocalDate endMonth;
    public long monthlyPay;
    public String createdBy;
}
