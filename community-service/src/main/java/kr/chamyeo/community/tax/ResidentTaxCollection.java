package kr.chamyeo.community.tax;

import java.io.Serializable;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 주민세 개인균등분 levied and collected in a district in a year, in won. */
@Entity
@Table(name = "resident_tax_collection")
@IdClass(ResidentTaxCollection.Key.class)
public class ResidentTaxCollection extends PanacheEntityBase {

    public record Key(String district, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    public String district;
    @Id
    public int year;
    public long levied;
    public long collected;
    public int dongs;
}
