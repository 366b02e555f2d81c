package kr.chamyeo.governance.youthbudget;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A year's city-level youth autonomous budget: the total the city fixed and where the council's deliberation stands. */
@Entity
@Table(name = "youth_budget_round")
public class YouthBudgetRound extends PanacheEntityBase {

    /** 숙의 중 → 본회의 의결 (the council's proposal to Seoul). */
    @Schema(name = "RoundStatus")
    public enum Status { DELIBERATING, ADOPTED }

    @Id
    public UUID id;
    public int year;
    public long total;
    @Enumerated(EnumType.STRING)
    public Status status;
    public LocalDate adoptedOn;
    public OffsetDateTime createdAt;
}
