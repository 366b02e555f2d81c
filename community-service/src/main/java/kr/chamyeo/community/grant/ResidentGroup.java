package kr.chamyeo.community.grant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

/** 주민모임 / 동아리. */
@Entity
@Table(name = "resident_group")
public class ResidentGroup extends PanacheEntityBase {

    @Schema(name = "GroupKind")
    public enum Kind {
        /** 이웃만들기 주민모임 */
        NEIGHBOURS,
        /** 시민학습·사회참여모임 (동아리) */
        CLUB,
        /** 부모커뮤니티 (여성정책담당관) */
        PARENT_COMMUNITY,
        /** 공동육아 (보육담당관) */
        CO_PARENTING,
        /** 마을예술창작소 (문화정책과) */
        ART_STUDIO,
        /** 마을미디어 (문화예술과) */
        VILLAGE_MEDIA,
        /** 거점형 마을미디어 */
        VILLAGE_MEDIA_HUB,
        /** 공동주택 공동체 활성화 (공동주택과) */
        APARTMENT,
        /** 에너지자립마을 (에너지시민협력과) */
        ENERGY_VILLAGE
    }

    @Id
    public UUID id;
    public String district;
    public String dong;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String leader;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** Groups of a district and kind, either filter left out when null, by name. */
    public static List<ResidentGroup> filtered(String district, Kind kind) {
        return list("(:district is null or district = :district) and (:kind is null or kind = :kind) order by name",
                Parameters.with("district", district).and("kind", kind));
    }
}
