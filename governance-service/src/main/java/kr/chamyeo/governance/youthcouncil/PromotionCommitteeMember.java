package kr.chamyeo.governance.youthcouncil;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A member of the Youth Self-Government promotion committee (청년자치정부 추진위원회, seed 001): young people, youth
 * groups and experts active in Seoul, organised in groups. Name and contact are personal data.
 */
@Entity
@Table(name = "youth_promotion_committee_member")
public class PromotionCommitteeMember extends PanacheEntityBase {

    /** The seed's organisation chart: 의제그룹, 자치구 그룹, 계층 그룹, 개인, (타 지역). */
    public enum Group { AGENDA, DISTRICT, CLASS, INDIVIDUAL, OTHER_REGION }

    /** 추진위원장 (lead members, one or more per field) and 추진위원. */
    @Schema(name = "PromotionMemberRole")
    public enum Role { CHAIR, MEMBER }

    @Id
    public UUID id;
    public int year;
    public String name;
    @Enumerated(EnumType.STRING)
    public Group memberGroup;
    @Enumerated(EnumType.STRING)
    public Role role;
    /** The district of a 자치구 그룹 member; null for the other groups. */
    public String district;
    public String contact;
}
