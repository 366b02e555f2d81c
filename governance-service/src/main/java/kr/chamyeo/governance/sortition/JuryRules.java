package kr.chamyeo.governance.sortition;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * Eligibility of a citizens' jury for pledge evaluation (seed 004, 공약이행 평가 「주민배심원」): 모집대상 만18세 이상
 * 지역주민, 모집인원 40명 (배심원 35명, 예비 5명), chosen from the 200 ~ 300여명 who said they would take part, and
 * 운영기간 90일 이내. The draw itself is an ordinary sortition; these rules only decide whether it may start.
 */
public final class JuryRules {

    public static final int JURORS = 35;
    public static final int RESERVES = 5;
    public static final int MIN_POOL = 200;
    /** "200 ~ 300여명": the seed's upper figure is approximate, but a pool far beyond it is another procedure. */
    public static final int MAX_POOL = 300;
    /** 만 18세: full years of age, so the birthday itself must have passed, not only the birth year. */
    public static final int MIN_AGE = 18;
    /** 운영기간 90일 이내, counted as calendar days with both the first and the last day included. */
    public static final int MAX_TERM_DAYS = 90;

    private JuryRules() {
    }

    /**
     * Rejects a jury the seed would not run, naming the first field that breaks a rule. Ages are taken on the
     * term's first day: that is the day a juror starts to serve.
     */
    public static void check(int panelSize, int reserves, List<LocalDate> birthDates, LocalDate termStart, LocalDate termEnd) {
        if (panelSize != JURORS) {
            throw ProblemException.unprocessable("panelSize", "a citizens' jury seats " + JURORS + " jurors (got " + panelSize + ")");
        }
        if (reserves != RESERVES) {
            throw ProblemException.unprocessable("reserves", "a citizens' jury has " + RESERVES + " reserves (got " + reserves + ")");
        }
        if (birthDates.size() < MIN_POOL || birthDates.size() > MAX_POOL) {
            throw ProblemException.unprocessable("pool", "a citizens' jury is drawn from " + MIN_POOL + "–" + MAX_POOL
                    + " volunteers (got " + birthDates.size() + ")");
        }
        for (int i = 0; i < birthDates.size(); i++) {
            LocalDate born = birthDates.get(i);
            if (born == null) {
                throw ProblemException.unprocessable("pool[" + i + "].birthDate", "is required for a citizens' jury (만 18세 이상)");
            }
            if (!adultOn(born, termStart)) {
                throw ProblemException.unprocessable("pool[" + i + "].birthDate", "a juror is at least " + MIN_AGE
                        + " (만 " + MIN_AGE + "세) on the term's first day " + termStart + " (aged " + age(born, termStart) + ")");
            }
        }
        if (termEnd.isBefore(termStart)) {
            throw ProblemException.unprocessable("citizensJury.termEnd", "must not be before termStart");
        }
        if (termDays(termStart, termEnd) > MAX_TERM_DAYS) {
            throw ProblemException.unprocessable("citizensJury.termEnd", "a citizens' jury serves at most " + MAX_TERM_DAYS
                    + " days (got " + termDays(termStart, termEnd) + ")");
        }
    }

    public static boolean adultOn(LocalDate born, LocalDate day) {
        return age(born, day) >= MIN_AGE;
    }

    static int age(LocalDate born, LocalDate day) {
        return (int) ChronoUnit.YEARS.between(born, day);
    }

    public static long termDays(LocalDate termStart, LocalDate termEnd) {
        return ChronoUnit.DAYS.between(termStart, termEnd) + 1;
    }
}
