package kr.chamyeo.community.grant;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember extends PanacheEntityBase {

    /** How the member is tied to the place: 거주 / 재직 / 재학. */
    public enum Relation { LIVES, WORKS, STUDIES }

    public record Key(UUID groupId, String participantId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    public UUID groupId;
    @Id
    public String participantId;
    public String name;
    @Enumerated(EnumType.STRING)
    public Relation relation;
    public String district;
    @Column(insertable = false, updatable = false)
    public OffsetDateTime joinedAt;

    public static List<GroupMember> of(UUID groupId) {
        return list("groupId = ?1 order by name", groupId);
    }

    public static long size(UUID groupId) {
        return count("groupId", groupId);
    }
}
