package kr.chamyeo.community.space;

import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Parameters;

@Entity
@Table(name = "space")
public class Space extends PanacheEntityBase {

    /** The seed's kinds of community space (커뮤니티 공간). */
    @Schema(name = "SpaceKind")
    public enum Kind {
        /** 마을활력소 (거점형 공동체 공간, 시·구 주도) */
        VITALITY_CENTRE,
        /** 우리마을공간 (주민 주도) */
        VILLAGE_SPACE,
        /** 마을기업 */
        VILLAGE_ENTERPRISE,
        /** 마을예술창작소 */
        ART_STUDIO,
        /** 열린육아방 */
        OPEN_CHILDCARE_ROOM,
        OTHER
    }

    @Id
    public UUID id;
    public String district;
    public String dong;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String address;
    public int capacity;
    @JdbcTypeCode(SqlTypes.JSON)
    public String facilities;
    public LocalTime opensAt;
    public LocalTime closesAt;
    public String rules;
    public String manager;

    /** Spaces matching the filters given (a null filter is left out), by name. */
    public static List<Space> search(String district, String dong, Integer capacity) {
        return list("(:d is null or district = :d) and (:dong is null or dong = :dong) and (:cap is null or capacity >= :cap) order by name",
                Parameters.with("d", district).and("dong", dong).and("cap", capacity));
    }
}
