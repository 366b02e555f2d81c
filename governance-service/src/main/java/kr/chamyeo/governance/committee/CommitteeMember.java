package kr.chamyeo.governance.committee;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "committee_member")
public class CommitteeMember extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID committeeId;
    public String name;
    public int birthYear;
}
