package kr.chamyeo.budget.council;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * governance-service's {@code YouthBudgetProposed} (topic {@value YouthBudgetHandler#TOPIC}): the youth council's plenary
 * (청년의회 본회의) adopted its proposals, in priority order, within the total the city fixed. Unknown fields are ignored.
 */
public record YouthBudgetProposed(UUID roundId, int year, long total, long proposed, LocalDate adoptedOn,
                                  List<Item> proposals) {

    /** One adopted proposal; {@code subcommittee} (the council's 분과) may be null. */
    public record Item(int priority, String title, String subcommittee, long amount) {
    }
}
