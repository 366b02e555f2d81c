package kr.chamyeo.governance.tf;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A member of a district's youth participation body (청년참여기구 위원) as a person, across terms. */
@Entity
@Table(name = "body_member")
public class BodyMember extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public String name;
    public Integer birthYear;
    public String contact;
    public boolean publishName;
}
