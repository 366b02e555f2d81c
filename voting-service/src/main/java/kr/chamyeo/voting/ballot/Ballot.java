package kr.chamyeo.voting.ballot;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import kr.chamyeo.election.SelectionRule;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;
import kr.chamyeo.voting.ballot.BallotSpec.RuleType;

/**
 * A ballot's immutable definition and the rules a vote must pass. The voting window is half-open:
 * a vote is accepted from {@code opensAt} (inclusive) until {@code closesAt} (exclusive).
 */
public final class Ballot {

    /** Roles a ballot may require of its voters. */
    public static final Set<String> VOTER_ROLES = Set.of(Roles.RESIDENT, Roles.COMMITTEE);

    private final UUID id;
    private final String correlationId;
    private final String requester;
    private final String title;
    private final String description;
    private final String ownerDistrict;
    private final String ownerDong;
    private final Eligibility eligibility;
    private final Instant opensAt;
    private final Instant closesAt;
    private final List<Option> options;
    private final Rule rule;
    private final boolean liveResults;
    private final UUID electionId;
    private final Map<String, Integer> indexByKey = new HashMap<>();
    private SelectionRule selectionRule;

    public Ballot(UUID id, String correlationId, String requester, String title, String description, String ownerDistrict,
                  String ownerDong, Eligibility eligibility, Instant opensAt, Instant closesAt, List<Option> options, Rule rule,
                  boolean liveResults, UUID electionId) {
        this.id = id;
        this.correlationId = correlationId;
        this.requester = requester;
        this.title = title;
        this.description = description;
        this.ownerDistrict = ownerDistrict;
        this.ownerDong = ownerDong;
        this.eligibility = eligibility == null ? Eligibility.ANYONE : eligibility;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.options = List.copyOf(options);
        this.rule = rule;
        this.liveResults = liveResults;
        this.electionId = electionId;
        for (int i = 0; i < this.options.size(); i++) {
            indexByKey.put(this.options.get(i).key(), i);
        }
    }

    /**
     * Checks a (bean-validated) spec against the rules that span fields and returns the ballot with its rule
     * normalised (SINGLE is exactly one choice; missing bounds become 1 .. number of options), encrypted under the
     * given election's key.
     */
    public static Ballot define(UUID id, String correlationId, String requester, BallotSpec spec, Instant now, UUID electionId) {
        if (!spec.closesAt().isAfter(spec.opensAt())) {
            throw ProblemException.unprocessable("closesAt", "must be after opensAt");
        }
        if (!spec.closesAt().isAfter(now)) {
            throw ProblemException.unprocessable("closesAt", "must be in the future");
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < spec.options().size(); i++) {
            if (!keys.add(spec.options().get(i).key())) {
                throw ProblemException.unprocessable("options[" + i + "].key", "must be unique within the ballot");
            }
        }
        Eligibility eligibility = spec.eligibility();
        if (eligibility.minAge() != null && eligibility.maxAge() != null && eligibility.minAge() > eligibility.maxAge()) {
            throw ProblemException.unprocessable("eligibility.maxAge", "must not be below minAge");
        }
        if (eligibility.requiredRole() != null && !VOTER_ROLES.contains(eligibility.requiredRole())) {
            throw ProblemException.unprocessable("eligibility.requiredRole", "must be one of " + VOTER_ROLES);
        }
        int count = spec.options().size();
        Rule rule = spec.rule();
        Rule normalised;
        switch (rule.type()) {
            case SINGLE -> {
                if ((rule.minChoices() != null && rule.minChoices() != 1) || (rule.maxChoices() != null && rule.maxChoices() != 1)) {
                    throw ProblemException.unprocessable("rule", "SINGLE means exactly one choice (minChoices = maxChoices = 1)");
                }
                if (count < 2) {
                    throw ProblemException.unprocessable("options", "a SINGLE choice needs at least 2 options");
                }
                normalised = new Rule(RuleType.SINGLE, 1, 1, null);
            }
            case APPROVAL, BUDGET -> {
                int min = rule.minChoices() == null ? 1 : rule.minChoices();
                int max = rule.maxChoices() == null ? count : rule.maxChoices();
                if (max > count) {
                    throw ProblemException.unprocessable("rule.maxChoices", "must not exceed the number of options (" + count + ")");
                }
                if (min > max) {
                    throw ProblemException.unprocessable("rule.minChoices", "must not exceed maxChoices");
                }
                if (rule.type() == RuleType.BUDGET) {
                    if (rule.budgetLimit() == null || rule.budgetLimit() <= 0) {
                        throw ProblemException.unprocessable("rule.budgetLimit", "a BUDGET ballot needs a positive budget limit (원)");
                    }
                    for (int i = 0; i < count; i++) {
                        if (spec.options().get(i).cost() == null) {
                            throw ProblemException.unprocessable("options[" + i + "].cost", "every option of a BUDGET ballot needs a cost");
                        }
                    }
                } else if (rule.budgetLimit() != null) {
                    throw ProblemException.unprocessable("rule.budgetLimit", "only a BUDGET ballot has a budget limit");
                }
                normalised = new Rule(rule.type(), min, max, rule.type() == RuleType.BUDGET ? rule.budgetLimit() : null);
            }
            default -> throw new IllegalStateException(rule.type().name());
        }
        return new Ballot(id, correlationId, requester, spec.title(), spec.description(), spec.ownerDistrict(), spec.ownerDong(),
                eligibility, spec.opensAt(), spec.closesAt(), spec.options(), normalised, Boolean.TRUE.equals(spec.liveResults()),
                electionId);
    }

    /** 409 unless {@code now} lies in [opensAt, closesAt). */
    public void requireOpen(Instant now) {
        if (now.isBefore(opensAt)) {
            throw ProblemException.conflict("ballot-not-open", "Voting opens at " + opensAt).with("opensAt", opensAt.toString());
        }
        if (!now.isBefore(closesAt)) {
            throw closed();
        }
    }

    public ProblemException closed() {
        return ProblemException.conflict("ballot-closed", "Voting closed at " + closesAt).with("closesAt", closesAt.toString());
    }

    /** 403 unless the voter meets every eligibility condition. */
    public void admit(Voter voter, int currentYear) {
        String role = eligibility.requiredRole() == null ? Roles.RESIDENT : eligibility.requiredRole();
        if (!voter.roles().contains(role)) {
            throw notEligible("role", "only voters with role " + role + " may vote on this ballot");
        }
        List<String> districts = eligibility.districtsOrEmpty();
        if (!districts.isEmpty() && (voter.district() == null || !districts.contains(voter.district()))) {
            throw notEligible("district", "only residents of " + districts + " may vote on this ballot");
        }
        List<String> dongs = eligibility.dongsOrEmpty();
        if (!dongs.isEmpty() && (voter.dong() == null || !dongs.contains(voter.dong()))) {
            throw notEligible("dong", "only residents of " + dongs + " may vote on this ballot");
        }
        if (eligibility.minAge() != null || eligibility.maxAge() != null) {
            Integer age = voter.ageIn(currentYear);
            if (age == null) {
                throw notEligible("age", "this ballot has an age limit and the token carries no birth_year");
            }
            if (eligibility.minAge() != null && age < eligibility.minAge()) {
                throw notEligible("age", "voters must be at least " + eligibility.minAge()).with("age", age);
            }
            if (eligibility.maxAge() != null && age > eligibility.maxAge()) {
                throw notEligible("age", "voters must be at most " + eligibility.maxAge()).with("age", age);
            }
        }
    }

    private static ProblemException notEligible(String condition, String detail) {
        return new ProblemException(403, "not-eligible", "Not eligible", detail, null).with("condition", condition);
    }

    /** The chosen options as sorted indexes into {@link #options()}, or 422 when the set breaks the rule. */
    public int[] selection(List<String> chosenKeys) {
        int[] chosen = new int[chosenKeys.size()];
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chosenKeys.size(); i++) {
            String key = chosenKeys.get(i);
            Integer index = key == null ? null : indexByKey.get(key);
            if (index == null) {
                throw ProblemException.unprocessable("choices[" + i + "]", "is not an option of this ballot");
            }
            if (!seen.add(key)) {
                throw ProblemException.unprocessable("choices[" + i + "]", "is chosen twice");
            }
            chosen[i] = index;
        }
        Arrays.sort(chosen);
        ProblemException broken = ruleBrokenBy(chosen);
        if (broken != null) {
            throw broken;
        }
        return chosen;
    }

    /**
     * Whether a decrypted ballot's option indexes are distinct, ascending and in range, and satisfy the rule — the
     * same {@link SelectionRule} a client-encrypted ballot proves.
     */
    public boolean allows(int[] chosen) {
        for (int i = 0; i < chosen.length; i++) {
            if (chosen[i] < 0 || chosen[i] >= options.size() || (i > 0 && chosen[i] <= chosen[i - 1])) {
                return false;
            }
        }
        return selectionRule().admits(chosen);
    }

    /** Why a vote sent in the clear breaks the rule, as the 422's details (what was chosen, what it cost); null if it does not. */
    private ProblemException ruleBrokenBy(int[] chosen) {
        int n = chosen.length;
        if (n < rule.minChoices() || n > rule.maxChoices()) {
            String bounds = rule.minChoices().equals(rule.maxChoices()) ? "exactly " + rule.minChoices()
                    : "between " + rule.minChoices() + " and " + rule.maxChoices();
            return ProblemException.unprocessable("choices", "choose " + bounds + " options (" + rule.type() + ")").with("chosen", n);
        }
        if (rule.type() == RuleType.BUDGET) {
            long cost = 0;
            for (int index : chosen) {
                cost += options.get(index).cost();
            }
            if (cost > rule.budgetLimit()) {
                return ProblemException.unprocessable("choices", "chosen options cost " + cost + "원, more than the limit of "
                        + rule.budgetLimit() + "원").with("cost", cost).with("budgetLimit", rule.budgetLimit());
            }
        }
        return null;
    }

    /** The rule as a client-encrypted ballot proves it (PROTOCOL.md §4.3); made once, a count asks it per ballot. */
    public SelectionRule selectionRule() {
        SelectionRule made = selectionRule;
        if (made == null) {
            boolean budget = rule.type() == RuleType.BUDGET;
            made = new SelectionRule(options.size(), rule.minChoices(), rule.maxChoices(),
                    budget ? options.stream().map(Option::cost).toList() : null, budget ? rule.budgetLimit() : null);
            // Immutable (final fields), so a thread that sees it sees it whole; two threads may both make it.
            selectionRule = made;
        }
        return made;
    }

    public String keyOf(int index) {
        return options.get(index).key();
    }

    public UUID id() { return id; }
    public String correlationId() { return correlationId; }
    public String requester() { return requester; }
    public String title() { return title; }
    public String description() { return description; }
    public String ownerDistrict() { return ownerDistrict; }
    public String ownerDong() { return ownerDong; }
    public Eligibility eligibility() { return eligibility; }
    public Instant opensAt() { return opensAt; }
    public Instant closesAt() { return closesAt; }
    public List<Option> options() { return options; }
    public Rule rule() { return rule; }
    public boolean liveResults() { return liveResults; }
    public UUID electionId() { return electionId; }
}
