package kr.chamyeo.governance.programme;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.SeedData;

/** Loads the seeds' programmes (seed-data/programmes.csv) and reads them back with their lines and schedule. */
@ApplicationScoped
public class ProgrammeCatalogue {

    static final String SEED_DATA = "/seed-data/programmes.csv";

    /** A programme with its lines and schedule, as stored. */
    public record Loaded(Programme programme, List<BudgetLines.Line> lines, List<ProgrammeMilestone> milestones) {
    }

    /**
     * Stores the programmes not stored yet; the number stored. Seed data whose lines do not add up is refused whole
     * (a typo in a figure would otherwise be served as the seed's).
     */
    @Transactional
    public int load() {
        int loaded = 0;
        Programme current = null;
        int position = 0;
        boolean fresh = false;
        for (String[] row : SeedData.rows(SEED_DATA)) {
            switch (row[0]) {
                case "P" -> {
                    check(current);
                    current = Programme.findById(row[1]);
                    fresh = current == null;
                    position = 0;
                    if (fresh) {
                        current = new Programme();
                        current.id = row[1];
                        current.seed = row[2];
                        current.title = row[3];
                        current.department = row[4];
                        current.periodFrom = YearMonth.parse(row[5]).atDay(1);
                        current.periodTo = YearMonth.parse(row[6]).atEndOfMonth();
                        current.total = Long.parseLong(row[7]);
                        current.note = row.length > 8 && !row[8].isBlank() ? row[8] : null;
                        current.persist();
                        loaded++;
                    }
                }
                case "L" -> {
                    position++;
                    if (fresh) {
                        ProgrammeBudgetLine line = new ProgrammeBudgetLine();
                        line.programmeId = row[1];
                        line.position = position;
                        line.category = row[2];
                        line.item = row[3];
                        line.unitPrice = row[4].isBlank() ? null : Long.parseLong(row[4]);
                        line.quantities = row[5].isBlank() ? null : row[5];
                        line.amount = Long.parseLong(row[6]);
                        line.persist();
                    }
                }
                case "M" -> {
                    position++;
                    if (fresh) {
                        ProgrammeMilestone m = new ProgrammeMilestone();
                        m.programmeId = row[1];
                        m.position = position;
                        m.monthFrom = YearMonth.parse(row[2]).atDay(1);
                        m.monthTo = YearMonth.parse(row[3]).atEndOfMonth();
                        m.label = row[4];
                        m.persist();
                    }
                }
                default -> throw new IllegalStateException("unknown row kind in " + SEED_DATA + ": " + row[0]);
            }
        }
        check(current);
        return loaded;
    }

    private static void check(Programme programme) {
        if (programme == null) {
            return;
        }
        List<String> problems = BudgetLines.problems(programme.total, lines(programme.id));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("seed data of programme " + programme.id + " does not add up: " + problems);
        }
    }

    @Transactional
    public List<Programme> all() {
        return Programme.list("order by periodFrom, id");
    }

    @Transactional
    public Optional<Loaded> find(String id) {
        return Programme.<Programme>findByIdOptional(id).map(p -> new Loaded(p, lines(id),
                ProgrammeMilestone.list("programmeId = ?1 order by position", id)));
    }

    private static List<BudgetLines.Line> lines(String programmeId) {
        return ProgrammeBudgetLine.<ProgrammeBudgetLine>list("programmeId = ?1 order by position", programmeId).stream()
                .map(ProgrammeBudgetLine::line).toList();
    }

    static String month(LocalDate date) {
        return YearMonth.from(date).toString();
    }
}
