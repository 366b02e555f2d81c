package kr.chamyeo.governance.taskforce;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A consulting-group expert (컨설팅단) or pool instructor (강사단) of the TF in one year. */
@Entity
@Table(name = "tf_expert")
public class Expert extends PanacheEntityBase {

    @Schema(name = "ExpertKind")
    public enum Kind { CONSULTANT, INSTRUCTOR }

    @Id
    public UUID id;
    public int year;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String name;
    public String domain;
    public String affiliation;
    public String contact;
}
