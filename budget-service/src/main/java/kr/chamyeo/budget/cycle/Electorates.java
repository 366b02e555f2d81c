package kr.chamyeo.budget.cycle;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Roles;

/**
 * The electorates of a new cycle: either the two of the original API (residentWeight / committeeWeight, default 50/50:
 * 주민 엠보팅 and 위원 투표, youth cycles' residents aged 19–39) or a list of any number of weighted electorates. Weights
 * are whole percents summing to 100; codes are unique; an electorate's voters hold a role voting-service admits. An
 * empty list counts as none: clients generated from the OpenAPI document (OpenAPI Generator's Java client) send
 * {@code []} for a list the caller never set.
 */
public final class Electorates {

    /** The roles voting-service admits to a ballot (its VOTER_ROLES). */
    static final Set<String> ROLES = Set.of(Roles.RESIDENT, Roles.COMMITTEE);

    /** The most electorates a cycle may combine. */
    static final int MAX = 10;

    private Electorates() {
    }

    public static List<Electorate> of(CycleKind kind, Integer residentWeight, Integer committeeWeight,
                                      List<CycleRequest.ElectorateRequest> requested) {
        if (requested == null || requested.isEmpty()) {
            int[] w = weights(residentWeight, committeeWeight);
            boolean youth = kind == CycleKind.YOUTH;
            return List.of(new Electorate(Electorate.RESIDENTS, "주민 엠보팅", w[0], Roles.RESIDENT, youth ? 19 : null, youth ? 39 : null),
                    new Electorate(Electorate.COMMITTEE, "위원 투표", w[1], Roles.COMMITTEE, null, null));
        }
        if (residentWeight != null || committeeWeight != null) {
            throw ProblemException.unprocessable(residentWeight != null ? "residentWeight" : "committeeWeight",
                    "must be absent when electorates are listed (each electorate carries its weight)");
        }
        if (requested.size() > MAX) {
            throw ProblemException.unprocessable("electorates", "must list 1 to " + MAX + " electorates");
        }
        List<Electorate> electorates = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int sum = 0;
        for (int i = 0; i < requested.size(); i++) {
            CycleRequest.ElectorateRequest r = requested.get(i);
            String field = "electorates[" + i + "]";
            if (!codes.add(r.code())) {
                throw ProblemException.unprocessable(field + ".code", "is used twice");
            }
            String role = r.requiredRole() == null ? Roles.RESIDENT : r.requiredRole();
            if (!ROLES.contains(role)) {
                throw ProblemException.unprocessable(field + ".requiredRole", "must be one of " + ROLES.stream().sorted().toList());
            }
            if (r.minAge() != null && r.maxAge() != null && r.maxAge() < r.minAge()) {
                throw ProblemException.unprocessable(field + ".maxAge", "must not be below minAge " + r.minAge());
            }
            sum += r.weight();
            electorates.add(new Electorate(r.code(), r.name(), r.weight(), role, r.minAge(), r.maxAge()));
        }
        if (sum != 100) {
            throw ProblemException.unprocessable("electorates", "weights must sum to 100, not " + sum);
        }
        return electorates;
    }

    /** Default 50/50; one weight given implies the other; both given must sum to 100. */
    static int[] weights(Integer residents, Integer committee) {
        int r = residents != null ? residents : committee != null ? 100 - committee : 50;
        int c = committee != null ? committee : 100 - r;
        if (r + c != 100) {
            throw ProblemException.unprocessable("committeeWeight", "residentWeight + committeeWeight must be 100, not " + (r + c));
        }
        return new int[] {r, c};
    }
}
