package kr.chamyeo.governance.schedule;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.SeedData;
import kr.chamyeo.platform.problem.ProblemException;

/** The TF's monthly plan (추진 일정): the seed's 2020 milestones, loaded once, and their completion. */
@ApplicationScoped
public class ScheduleService {

    static final String SEED_2020 = "seed-000-2020";

    /** Loads the seed's June–December 2020 plan unless it is loaded; the number of milestones added. */
    @Transactional
    public int importPlan() {
        if (Milestone.count("source", SEED_2020) > 0) {
            return 0;
        }
        int imported = 0;
        for (String[] row : SeedData.rows("/seed-data/schedule-2020.csv")) {
            Milestone m = new Milestone();
            m.id = UUID.randomUUID();
            m.year = 2020;
            m.month = Integer.parseInt(row[0]);
            m.title = row[1];
            m.source = SEED_2020;
            m.persist();
            imported++;
        }
        return imported;
    }

    @Transactional
    public List<Milestone> plan(int year) {
        return Milestone.list("year = ?1 order by month, title", year);
    }

    /** Marks a milestone done on a day not before its year (422). */
    @Transactional
    public Milestone done(UUID id, LocalDate doneOn) {
        Milestone m = Milestone.findById(id);
        if (m == null) {
            throw ProblemException.notFound("Milestone", id);
        }
        if (doneOn.getYear() < m.year) {
            throw ProblemException.unprocessable("doneOn", "must not be before the plan's year " + m.year);
        }
        m.doneOn = doneOn;
        return m;
    }
}
