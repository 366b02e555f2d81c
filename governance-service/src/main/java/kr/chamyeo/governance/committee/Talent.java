package kr.chamyeo.governance.committee;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person in the future-talent pool (미래인재 DB). */
@Entity
@Table(name = "talent")
public class Talent extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public int birthYear;
    public String domain;
    public boolean consent;
    public String contact;
}
