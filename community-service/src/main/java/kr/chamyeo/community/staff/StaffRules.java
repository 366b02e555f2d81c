package kr.chamyeo.community.staff;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * Rules of seed 002 for the people who support village self-government:
 * <ul>
 * <li>"뉴딜일자리 : 최대 23개월, 월 최대 171만원 제공 가능" — a NEW_DEAL placement lasts at most 23 months (start and end
 * month counted) and pays at most 1,710,000원 a month; from the third year the district, space or council carries the
 * pay ("3년차 부터 … 인건비 부담률 향상"), under another funding;</li>
 * <li>"동 자치지원관 배치 … : 동별 1명" — at most one 동 자치지원관 placed in a dong in any month;</li>
 * <li>"마을자치전문가 … 동별 2명 배치" — at most two 마을자치전문가 in a dong in any month.</li>
 * </ul>
 * 區 중간지원조직 상근자 (구별 6명) and 공간운영자 have no hard limit: the seed lets districts set their own staffing
 * ("자치구별 인력 규모 차등 설정 가능").
 */
public final class StaffRules {

    public static final int NEW_DEAL_MAX_MONTHS = 23;
    public static final long NEW_DEAL_MAX_MONTHLY_PAY = 1_710_000L;

    @Schema(name = "PlacementRole", description = "DONG_SUPPORT_OFFICER: the dong's self-governance support officer (동 자치지원관; one per dong, 동별 1명), "
            + "VILLAGE_EXPERT: village self-governance expert (마을자치전문가; two per dong, 동별 2명), SPACE_OPERATOR: space operator (공간운영자), "
            + "INTERMEDIARY_STAFF: full-time staff of the district's intermediary support organisation (區 중간지원조직 상근자)")
    public enum Role {
        DONG_SUPPORT_OFFICER(1), VILLAGE_EXPERT(2), SPACE_OPERATOR(0), INTERMEDIARY_STAFF(0);

        /** Placements per dong in any month; 0: no limit and no dong needed. */
        final int perDong;

        Role(int perDong) {
            this.perDong = perDong;
        }
    }

    @Schema(description = "NEW_DEAL: New Deal job (뉴딜일자리; at most 23 months, 최대 23개월; 171만원 a month, 월 171만원), "
            + "SEOUL_JOB: bottom-up and cooperative job (상향적·협력적 일자리), "
            + "LOCAL: paid by the district, community space or resident council (자치구·공동체공간·주민자치회 부담)")
    public enum Funding { NEW_DEAL, SEOUL_JOB, LOCAL }

    private StaffRules() {
    }

    /** Months from start through end, both counted. */
    public static int months(YearMonth start, YearMonth end) {
        return (int) ChronoUnit.MONTHS.between(start, end) + 1;
    }

    public static void check(Role role, String dong, Funding funding, YearMonth start, YearMonth end, long monthlyPay) {
        if (end.isBefore(start)) {
            throw ProblemException.unprocessable("endMonth", "must not be before startMonth");
        }
        if (role.perDong > 0 && dong == null) {
            throw ProblemException.unprocessable("dong", "a " + role + " is placed in a dong");
        }
        if (funding == Funding.NEW_DEAL) {
            int months = months(start, end);
            if (months > NEW_DEAL_MAX_MONTHS) {
                throw ProblemException.unprocessable("endMonth", "뉴딜일자리 last at most " + NEW_DEAL_MAX_MONTHS + " months; "
                        + start + "–" + end + " is " + months).with("months", months);
            }
            if (monthlyPay > NEW_DEAL_MAX_MONTHLY_PAY) {
                throw ProblemException.unprocessable("monthlyPay", "뉴딜일자리 pay at most " + NEW_DEAL_MAX_MONTHLY_PAY + "원 a month");
            }
        }
    }

    /** Refuses a placement when the dong already has the role's limit of placements overlapping its months. */
    public static void checkDongLimit(Role role, String dong, long overlapping) {
        if (role.perDong > 0 && overlapping >= role.perDong) {
            throw ProblemException.conflict("dong-limit", dong + " already has " + overlapping + " " + role + " in those months; the seed "
                    + "places " + role.perDong + " per dong").with("limit", role.perDong).with("overlapping", overlapping);
        }
    }
}
