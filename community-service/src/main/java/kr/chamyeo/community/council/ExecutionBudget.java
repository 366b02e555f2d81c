package kr.chamyeo.community.council;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 의제 실행비 of seed 002 (주민세 징수분 주민자치회 사용, 마을계획·자치계획 추진 현황):
 * <ul>
 * <li>자치계획 (a council's plan, decided by the 주민총회): 동별 30백만원 from the 동단위 계획형 시민참여예산;</li>
 * <li>마을계획 (찾동 마을계획단, decided by the 마을총회): 동별 7,500천원 of department budget (사업비 편성) and 30백만원
 * from the same participatory budget;</li>
 * <li>동단위 계획형 시민참여예산: 매년 25억원 for the whole city.</li>
 * </ul>
 * A plan's agenda may not cost more than its ceiling. The department budget of a 마을계획 is spent first, so the
 * plan's claim on the pot is what lies above 7,500천원.
 */
public final class ExecutionBudget {

    /** 동단위 계획형 시민참여예산 per dong. */
    public static final long PARTICIPATORY_PER_DONG = 30_000_000L;
    /** 마을계획 사업비 per dong. */
    public static final long VILLAGE_PLAN_DEPARTMENT_BUDGET = 7_500_000L;
    /** 동단위 계획형 시민참여예산: 매년 25억원. */
    public static final long YEARLY_POT = 2_500_000_000L;

    @Schema(name = "CouncilPlanKind", description = "SELF_GOVERNANCE: self-governance plan (자치계획) of a resident council (주민자치회), 30백만원; "
            + "VILLAGE_PLAN: village plan (마을계획), 7,500천원 project costs (사업비) + 30백만원")
    public enum Kind { SELF_GOVERNANCE, VILLAGE_PLAN }

    private ExecutionBudget() {
    }

    public static long ceiling(Kind kind) {
        return kind == Kind.VILLAGE_PLAN ? VILLAGE_PLAN_DEPARTMENT_BUDGET + PARTICIPATORY_PER_DONG : PARTICIPATORY_PER_DONG;
    }

    /** What an agenda of this cost draws from the year's participatory budget. */
    public static long potClaim(Kind kind, long cost) {
        long aboveDepartment = kind == Kind.VILLAGE_PLAN ? Math.max(0, cost - VILLAGE_PLAN_DEPARTMENT_BUDGET) : cost;
        return Math.min(aboveDepartment, PARTICIPATORY_PER_DONG);
    }

    public static boolean fitsPot(long claimedThisYear, long claim) {
        return claimedThisYear + claim <= YEARLY_POT;
    }
}
