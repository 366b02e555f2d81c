package kr.chamyeo.governance.programme;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One budget line (세부내역·산출내역) of a programme, in whole won. */
@Entity
@Table(name = "programme_budget_line")
@IdClass(ProgrammePosition.class)
public class ProgrammeBudgetLine extends PanacheEntityBase {

    @Id
    public String programmeId;
    @Id
    public int position;
    public String category;
    public String item;
    public Long unitPrice;
    public String quantities;
    public long amount;

    BudgetLines.Line line() {
        return new BudgetLines.Line(category, item, unitPrice, quantities, amount);
    }
}
