package kr.chamyeo.governance.sortition;

import java.util.List;

/**
 * What a lottery must respect: a pool, a panel size, quotas per feature value and, optionally, at most one
 * member per household. Reserves are drawn after the panel and are not part of the quota problem.
 */
public record SortitionProblem(List<Volunteer> pool, int panelSize, List<Quota> quotas, boolean onePerHousehold) {
}
