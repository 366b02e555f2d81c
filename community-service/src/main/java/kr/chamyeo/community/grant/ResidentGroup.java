package kr.chamyeo.community.grant;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 주민모임 / 동아리. */
@Entity
@Table(name = "resident_group")
public class ResidentGroup extends PanacheEntityBase {

    public enum Kind {
        /** 이웃만들기 주민모임 */
        NEIGHBOURS,
        /** 시민학습·사회참여모임 (동아리) */
        CLUB
    }

    @Id
    public UUID id;
    public String district;
    public String dong;
    public String name;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String leader;
    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;
}
