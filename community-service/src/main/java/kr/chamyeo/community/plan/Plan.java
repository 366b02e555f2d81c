package kr.chamyeo.community.plan;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;

@Entity
@Table(name = "plan")
public class Plan extends PanacheEntityBase {

    @Id
    public UUID id;

    public String code;

    public String title;

    public int startYear;

    public int endYear;

    public String ownerDistrict;

    @JdbcTypeCode(SqlTypes.JSON)
    public String document;

    @Column(insertable = false, updatable = false)
    public OffsetDateTime importedAt;

    public static Plan byCode(String code) {
        return find("code", code).firstResult();
    }

    /** Every master plan, oldest first. */
    public static List<Plan> inOrder() {
        return listAll(Sort.by("startYear").and("code"));
    }
}
