package kr.chamyeo.budget.school;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A budget-school session (예산학교) of a district for a budget year. */
@Entity
public class SchoolSession extends PanacheEntityBase {

    public enum Mode { ONLINE, OFFLINE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String district;
    public int fiscalYear;
    public String title;
    public LocalDate heldOn;
    @Enumerated(EnumType.STRING)
    public Mode mode;
    public OffsetDateTime createdAt;
}
