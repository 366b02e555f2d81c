package kr.chamyeo.community.grant;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/** 공모: one district's (or the city's) call for one kind of group in one year, with its quota and budget. */
@Entity
@Table(name = "grant_programme")
public class GrantProgramme extends PanacheEntityBase {

    /** Who may be counted as a member: living/working/studying in Seoul, or in the programme's district. */
    @Schema(name = "ProgrammeEligibility")
    public enum Eligibility { SEOUL, DISTRICT }

    @Id
    public UUID id;
    public String district;
    public int year;
    public String name;
    @Enumerated(EnumType.STRING)
    public ResidentGroup.Kind kind;
    public int minMembers;
    @Enumerated(EnumType.STRING)
    public Eligibility eligibility;
    public long minGrant;
    public long grantAmount;
    public int yearlyQuota;
    public long budget;
    public long labourRate;
    public long professionalMaxRate;
    public BigDecimal minimumContributionShare;

    public GrantLimits.Range range() {
        return new GrantLimits.Range(minGrant, grantAmount);
    }

    public ContributionValuation.Rule rule() {
        return new ContributionValuation.Rule(labourRate, professionalMaxRate, minimumContributionShare);
    }

    /** Programmes of a district and year, either filter left out when null. */
    public static List<GrantProgramme> filtered(String district, Integer year) {
        return list("(:d is null or district = :d) and (:y is null or year = :y) order by year, name",
                Parameters.with("d", district).and("y", year));
    }
}
