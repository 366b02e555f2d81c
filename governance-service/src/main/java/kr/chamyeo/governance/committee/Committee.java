package kr.chamyeo.governance.committee;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A city committee (서울시 위원회) and its policy domain. */
@Entity
@Table(name = "committee")
public class Committee extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String domain;
}
