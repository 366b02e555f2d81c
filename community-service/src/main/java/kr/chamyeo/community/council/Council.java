package kr.chamyeo.community.council;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 주민자치회 of one dong. It is established from its rollout year on (단계별 설치). */
@Entity
@Table(name = "council")
public class Council extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public String dong;
    public String name;
    @Column(name = "rollout_year")
    public int rolloutYear;
    public int seats;
    public int reserves;
    @Column(name = "required_education_hours")
    public java.math.BigDecimal requiredEducationHours;
}
