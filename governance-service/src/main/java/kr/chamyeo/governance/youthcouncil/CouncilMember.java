package kr.chamyeo.governance.youthcouncil;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A youth-council member (청년의원) of one year; name, birth year and contact are personal data. */
@Entity
@Table(name = "youth_council_member")
public class CouncilMember extends PanacheEntityBase {

    /** 의장, 부의장, 분과장, 의원 — in listing order. */
    public enum Role { SPEAKER, VICE_SPEAKER, SUBCOMMITTEE_CHAIR, MEMBER }

    @Id
    public UUID id;
    public int year;
    public String name;
    @Column(name = "birth_year")
    public int birthYear;
    public String district;
    @Column(name = "subcommittee_id")
    public UUID subcommitteeId;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** The role's position in {@link Role}, stored so lists can be sorted by rank in the database. */
    @Column(name = "role_rank")
    public int roleRank;
    @Column(name = "term_start")
    public LocalDate termStart;
    @Column(name = "term_end")
    public LocalDate termEnd;
    public String contact;
}
