package kr.chamyeo.budget.pabulib;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Pabulib {@code .pb} election (META / PROJECTS / VOTES sections, ';'-separated, see pabulib.org/format).
 * Only approval elections are represented: each vote is the set of approved project ids.
 */
public record PabulibFile(Map<String, String> meta, List<Project> projects, List<Vote> votes) {

    /** {@code selected} is null when the file has no {@code selected} column. */
    public record Project(String id, long cost, String name, Boolean selected, Map<String, String> extra) {
    }

    public record Vote(String voterId, Set<String> approved, Map<String, String> extra) {
    }

    public long budget() {
        return Long.parseLong(meta.get("budget"));
    }
}
