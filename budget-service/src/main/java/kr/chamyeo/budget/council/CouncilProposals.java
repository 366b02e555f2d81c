package kr.chamyeo.budget.council;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import kr.chamyeo.budget.cycle.Subcommittee;

/**
 * The rules for taking the youth council's proposals (청년자율예산제, seed 001: the council sets "일정한 총액 내에서 정책의
 * 우선순위와 규모" and proposes them to Seoul) into the city's YOUTH cycle.
 */
public final class CouncilProposals {

    /** Who the proposals come from, as their source channel and contact. */
    public static final String CHANNEL = "청년의회";
    public static final String PROPOSER = "서울특별시 청년의회";
    private static final int TITLE_MAX = 200;

    private CouncilProposals() {
    }

    /**
     * Refuses a round that breaks governance-service's contract (EVENTS.md): such an event cannot be applied and is parked
     * as a dead letter rather than half-taken.
     */
    public static void requireValid(YouthBudgetProposed round) {
        if (round.roundId() == null) {
            throw new IllegalArgumentException("YouthBudgetProposed without roundId");
        }
        if (round.adoptedOn() == null || round.year() < 2000 || round.year() > 2100) {
            throw new IllegalArgumentException("YouthBudgetProposed " + round.roundId() + " needs adoptedOn and a budget year");
        }
        if (round.proposals() == null || round.proposals().isEmpty()) {
            throw new IllegalArgumentException("YouthBudgetProposed " + round.roundId() + " has no proposals");
        }
        Set<Integer> priorities = new HashSet<>();
        long sum = 0;
        for (YouthBudgetProposed.Item item : round.proposals()) {
            if (item.priority() < 1 || item.priority() > round.proposals().size() || !priorities.add(item.priority())) {
                throw new IllegalArgumentException("YouthBudgetProposed " + round.roundId() + ": priorities must be 1.."
                        + round.proposals().size() + ", each once; got " + item.priority());
            }
            if (item.title() == null || item.title().isBlank() || item.title().length() > TITLE_MAX) {
                throw new IllegalArgumentException("YouthBudgetProposed " + round.roundId() + ": priority " + item.priority()
                        + " needs a title of 1.." + TITLE_MAX + " characters");
            }
            if (item.amount() <= 0) {
                throw new IllegalArgumentException("YouthBudgetProposed " + round.roundId() + ": priority " + item.priority()
                        + " needs a positive amount");
            }
            sum = Math.addExact(sum, item.amount());
        }
        if (sum != round.proposed() || round.proposed() > round.total()) {
            throw new IllegalArgumentException("YouthBudgetProposed " + round.roundId() + ": proposals sum to " + sum
                    + ", proposed is " + round.proposed() + ", the city's total " + round.total()
                    + " (the sum must equal proposed, within the total)");
        }
    }

    /**
     * The cycle's subcommittee for a council proposal: the one whose code or name is the council's subcommittee (분과), else
     * the cycle's first, so that the city's 분과심의 always has it on its list.
     */
    public static String subcommitteeFor(List<Subcommittee> subcommittees, String councilSubcommittee) {
        if (subcommittees.isEmpty()) {
            throw new IllegalStateException("a cycle without subcommittees cannot take proposals");
        }
        return subcommittees.stream()
                .filter(s -> councilSubcommittee != null && (councilSubcommittee.equals(s.code) || councilSubcommittee.equals(s.name)))
                .findFirst().orElse(subcommittees.get(0)).code;
    }

    /** The description shown with the proposal: seed 001's definition of 청년자율예산제, and what the council decided when. */
    public static String description(YouthBudgetProposed round, YouthBudgetProposed.Item item) {
        return "청년자율예산제: 청년의회가 숙의를 거쳐 일정한 총액 내에서 정책의 우선순위와 규모를 결정해 서울시에 제안한 사업 ("
                + round.adoptedOn() + " 본회의 의결; 총액 " + round.total() + "원 중 우선순위 " + item.priority() + "/"
                + round.proposals().size() + (item.subcommittee() == null ? "" : ", " + item.subcommittee()) + ", "
                + item.amount() + "원)";
    }

    /** Why a round's proposals ask for more than the cycle distributes, or null when they fit. */
    public static String excess(long proposed, long cycleTotal) {
        return proposed <= cycleTotal ? null : "the council proposed " + proposed + " won, " + (proposed - cycleTotal)
                + " more than the cycle's total " + cycleTotal + "; all were attached, and the city's review and vote adopt "
                + "within the total";
    }
}
