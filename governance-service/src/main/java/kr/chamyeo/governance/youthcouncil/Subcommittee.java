package kr.chamyeo.governance.youthcouncil;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A subcommittee (분과) of one year's youth council. */
@Entity
@Table(name = "youth_council_subcommittee")
public class Subcommittee extends PanacheEntityBase {
    @Id
    public UUID id;
    public int year;
    public String name;
    public String description;
}
