package kr.chamyeo.budget.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * A district's 추진현황 year by year: the figures of a public record (stored as imported) and those computed from a
 * RESIDENT cycle run here. Read in SQL across the features' tables because the figures are sums over them.
 */
@ApplicationScoped
public class StatisticsService {

    @Inject
    EntityManager em;

    /** Stores (or replaces) a year's record; more adopted than proposed cannot be a record of one year. */
    @Transactional
    public YearStatistics importYear(String code, HistoricalFigures figures) {
        if (figures.adopted() > figures.proposals()) {
            throw ProblemException.unprocessable("adopted", "must be at most the " + figures.proposals() + " proposals");
        }
        em.createNativeQuery("insert into historical_statistic (district, fiscal_year, proposals, requested_amount, adopted, "
                        + "adopted_amount, mobile_voters, school_sessions, school_participants, source) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as integer), cast(?9 as integer), ?10) on conflict (district, fiscal_year) do update set "
                        + "proposals = excluded.proposals, requested_amount = excluded.requested_amount, adopted = excluded.adopted, "
                        + "adopted_amount = excluded.adopted_amount, mobile_voters = excluded.mobile_voters, "
                        + "school_sessions = excluded.school_sessions, school_participants = excluded.school_participants, "
                        + "source = excluded.source")
                .setParameter(1, code).setParameter(2, figures.fiscalYear()).setParameter(3, figures.proposals())
                .setParameter(4, figures.requestedAmount()).setParameter(5, figures.adopted())
                .setParameter(6, figures.adoptedAmount()).setParameter(7, figures.mobileVoters())
                .setParameter(8, figures.schoolSessions()).setParameter(9, figures.schoolParticipants())
                .setParameter(10, figures.source().strip())
                .executeUpdate();
        return imported(code, figures.fiscalYear());
    }

    public List<YearStatistics> years(String code, int from, int to) {
        if (to < from) {
            throw ProblemException.unprocessable("to", "must not be before from (" + from + ")");
        }
        List<YearStatistics> years = new ArrayList<>();
        for (int year = from; year <= to; year++) {
            // Both, the record first: a cycle run here does not make the published record of its year disappear.
            YearStatistics record = imported(code, year);
            if (record != null) {
                years.add(record);
            }
            YearStatistics live = live(code, year);
            if (live != null) {
                years.add(live);
            }
        }
        return years;
    }

    private YearStatistics live(String district, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.id, "
                        + "(select count(*) from proposal p where p.cycle_id = c.id), "
                        + "(select coalesce(sum(p.requested_amount), 0) from proposal p where p.cycle_id = c.id), "
                        + "(select count(*) from proposal p where p.cycle_id = c.id and p.stage = 'ADOPTED'), "
                        + "(select coalesce(sum(p.amount), 0) from proposal p where p.cycle_id = c.id and p.stage = 'ADOPTED'), "
                        + "(select coalesce(sum((v ->> 'voters')::int), 0) from cycle_result r, jsonb_array_elements(r.voters) v "
                        + "where r.cycle_id = c.id and v ->> 'role' = 'RESIDENT') "
                        + "from cycle c where c.district = ?1 and c.fiscal_year = ?2 and c.kind = 'RESIDENT'")
                .setParameter(1, district).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        Object[] school = (Object[]) em.createNativeQuery("select count(distinct s.id), count(a.participant) from school_session s "
                        + "left join school_attendance a on a.session_id = s.id where s.district = ?1 and s.fiscal_year = ?2")
                .setParameter(1, district).setParameter(2, year).getSingleResult();
        long requested = ((Number) r[2]).longValue();
        long adopted = ((Number) r[4]).longValue();
        return new YearStatistics(year, ((Number) r[1]).intValue(), requested, millions(requested), ((Number) r[3]).intValue(),
                adopted, millions(adopted), ((Number) r[5]).intValue(), ((Number) school[0]).intValue(),
                ((Number) school[1]).intValue(), false, null, ((Number) r[0]).longValue());
    }

    private YearStatistics imported(String district, int year) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select proposals, requested_amount, adopted, adopted_amount, mobile_voters, "
                        + "school_sessions, school_participants, source from historical_statistic where district = ?1 and fiscal_year = ?2")
                .setParameter(1, district).setParameter(2, year).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] r = rows.get(0);
        long requested = ((Number) r[1]).longValue();
        long adopted = ((Number) r[3]).longValue();
        return new YearStatistics(year, ((Number) r[0]).intValue(), requested, millions(requested), ((Number) r[2]).intValue(),
                adopted, millions(adopted), ((Number) r[4]).intValue(), r[5] == null ? null : ((Number) r[5]).intValue(),
                r[6] == null ? null : ((Number) r[6]).intValue(), true, (String) r[7], null);
    }

    private static long millions(long won) {
        return BigDecimal.valueOf(won).divide(BigDecimal.valueOf(1_000_000), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
