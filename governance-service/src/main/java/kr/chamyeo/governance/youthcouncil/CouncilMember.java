package kr.chamyeo.governance.youthcouncil;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A youth-council member (청년의원) of one year; name, birth year and contact are personal data. */
@Entity
@Table(name = "youth_council_member")
public class CouncilMember extends PanacheEntityBase {

    /** 의장, 부의장, 분과장, 의원 — in listing order. */
    @Schema(name = "YouthCouncilMemberRole")
    public enum Role { SPEAKER, VICE_SPEAKER, SUBCOMMITTEE_CHAIR, MEMBER }

    @Id
    public UUID id;
    public int year;
    public String name;
    public int birthYear;
    public String district;
    public UUID subcommitteeId;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** The role's position in {@link Role}, stored so lists can be sorted by rank in the database. */
    public int roleRank;
    public LocalDate termStart;
    public LocalDate termEnd;
    public String contact;
}
