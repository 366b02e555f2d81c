package kr.chamyeo.budget.result;

import java.util.List;

import kr.chamyeo.budget.cycle.CycleKind;
import kr.chamyeo.budget.selection.SelectionRule;

/** {@code ProjectsAdopted} data on {@code budget.cycles}. */
public record ProjectsAdopted(long cycleId, String district, int fiscalYear, CycleKind kind, SelectionRule rule,
                              long totalAmount, long adoptedAmount, long leftover, List<Adopted> adopted) {

    public record Adopted(long proposalId, String title, long amount, int rank) {
    }
}
