package kr.chamyeo.governance;

import kr.chamyeo.platform.problem.ProblemException;

/** The year filter that yearly reports and rosters require (연도별 조회). */
public final class Years {

    private Years() {
    }

    /** {@code year} itself; 422 (a broken rule, as a missing value is everywhere) naming {@code parameter} if it is missing or outside 2000–2100. */
    public static int required(String parameter, Integer year) {
        if (year == null || year < 2000 || year > 2100) {
            throw ProblemException.unprocessable(parameter, "is required, between 2000 and 2100");
        }
        return year;
    }
}
