package kr.chamyeo.governance.programme;

import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A programme of a seed with its budget (소요예산) in whole won and the period it runs. */
@Entity
@Table(name = "programme")
public class Programme extends PanacheEntityBase {

    @Id
    public String id;
    public String seed;
    public String title;
    public String department;
    public LocalDate periodFrom;
    public LocalDate periodTo;
    public long total;
    public String note;
}
