package kr.chamyeo.governance.youthcouncil;

import java.time.LocalDate;

import kr.chamyeo.governance.committee.YouthShare;
import kr.chamyeo.governance.youthcouncil.CouncilMember.Role;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * Who may hold which seat. Members are young people (만 19–39세 in the council's year, as for the 15% target);
 * a term runs forward and starts in the council's year; one speaker per year; two vice speakers; each
 * subcommittee has one chair, who must belong to it. A promotion-committee member of the 자치구 그룹 names a district.
 */
final class SeatRules {

    static final int VICE_SPEAKERS = 2;

    private SeatRules() {
    }

    static void check(int year, int birthYear, LocalDate termStart, LocalDate termEnd, Role role, boolean inSubcommittee) {
        if (!YouthShare.isYoung(birthYear, year)) {
            throw ProblemException.unprocessable("birthYear", "a youth-council member is aged " + YouthShare.MIN_AGE + "–"
                    + YouthShare.MAX_AGE + " in " + year + " (got " + (year - birthYear) + ")");
        }
        if (termStart.getYear() != year) {
            throw ProblemException.unprocessable("termStart", "must fall in the council's year " + year);
        }
        if (termEnd.isBefore(termStart)) {
            throw ProblemException.unprocessable("termEnd", "must not be before termStart");
        }
        if (role == Role.SUBCOMMITTEE_CHAIR && !inSubcommittee) {
            throw ProblemException.unprocessable("subcommitteeId", "a subcommittee chair must belong to a subcommittee");
        }
    }

    /** How many seats of {@code role} a year (or, for chairs, a subcommittee) has; null for unlimited. */
    static Integer limit(Role role) {
        return switch (role) {
            case SPEAKER, SUBCOMMITTEE_CHAIR -> 1;
            case VICE_SPEAKER -> VICE_SPEAKERS;
            case MEMBER -> null;
        };
    }

    /** 409 when the {@code held} seats of a limited role (in a year, or a chair's subcommittee: {@code where}) are all taken. */
    static void requireRoleSeat(Role role, long held, String where) {
        Integer limit = limit(role);
        if (limit != null && held >= limit) {
            throw ProblemException.conflict("role-taken", role + " has " + limit + " seat(s) " + where + ", all held")
                    .with("limit", limit);
        }
    }

    /** A promotion-committee member has a district exactly when seated in the 자치구 그룹 (DISTRICT); 422 otherwise. */
    static void checkPromotionGroup(PromotionCommitteeMember.Group group, String district) {
        if ((group == PromotionCommitteeMember.Group.DISTRICT) != (district != null)) {
            throw ProblemException.unprocessable("district", "is required for the 자치구 그룹 (DISTRICT) and only for it");
        }
    }
}
