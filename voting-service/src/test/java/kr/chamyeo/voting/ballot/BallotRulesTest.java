package kr.chamyeo.voting.ballot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;
import kr.chamyeo.voting.ballot.BallotSpec.RuleType;

/** The ballot's rules without a server. */
class BallotRulesTest {

    static final Instant OPENS = Instant.parse("2021-06-01T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2021-06-10T00:00:00Z");
    static final List<Option> OPTIONS = List.of(new Option("p-1", "독산동 어린이 놀이터 개선", 50_000_000L),
            new Option("p-2", "가산동 공원 조명", 120_000_000L), new Option("p-3", "시흥동 도서관 책장", 80_000_000L));

    static Ballot ballot(Eligibility eligibility, Rule rule) {
        return Ballot.define(UUID.randomUUID(), null, null, new BallotSpec("2021 금천구 주민투표", null, "11545", null, eligibility, OPENS,
                CLOSES, OPTIONS, rule, null), OPENS.minusSeconds(60), null);
    }

    static Voter resident(String district, String dong, int birthYear) {
        return new Voter(Set.of("RESIDENT"), district, dong, birthYear, "F");
    }

    @Test
    void windowIncludesOpensAtAndExcludesClosesAt() {
        Ballot b = ballot(Eligibility.ANYONE, new Rule(RuleType.SINGLE, null, null, null));
        assertEquals(409, assertThrows(ProblemException.class, () -> b.requireOpen(OPENS.minusNanos(1))).status());
        assertDoesNotThrow(() -> b.requireOpen(OPENS));
        assertDoesNotThrow(() -> b.requireOpen(CLOSES.minusNanos(1000)));
        ProblemException closed = assertThrows(ProblemException.class, () -> b.requireOpen(CLOSES));
        assertEquals(java.net.URI.create("https://chamyeo.seoul.kr/problems/ballot-closed"), closed.toProblem("/").type());
    }

    @Test
    void eligibilityByDistrictDongAgeAndRole() {
        Ballot youth = ballot(new Eligibility(List.of("11545"), List.of("독산1동"), 19, 39, null), new Rule(RuleType.SINGLE, null, null, null));
        assertDoesNotThrow(() -> youth.admit(resident("11545", "독산1동", 2002), 2021)); // 19
        assertDoesNotThrow(() -> youth.admit(resident("11545", "독산1동", 1982), 2021)); // 39
        assertEquals(403, assertThrows(ProblemException.class, () -> youth.admit(resident("11545", "독산1동", 2003), 2021)).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> youth.admit(resident("11545", "독산1동", 1981), 2021)).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> youth.admit(resident("11530", "독산1동", 1990), 2021)).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> youth.admit(resident("11545", "가산동", 1990), 2021)).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> youth.admit(new Voter(Set.of("RESIDENT"), "11545", "독산1동", null, null), 2021)).status());

        Ballot committee = ballot(new Eligibility(List.of("11545"), List.of(), null, null, "COMMITTEE"), new Rule(RuleType.SINGLE, null, null, null));
        assertEquals(403, assertThrows(ProblemException.class, () -> committee.admit(resident("11545", "독산1동", 1980), 2021)).status());
        assertDoesNotThrow(() -> committee.admit(new Voter(Set.of("COMMITTEE"), "11545", null, null, null), 2021));
        // A committee member is not a resident voter unless the token says so.
        Ballot residents = ballot(Eligibility.ANYONE, new Rule(RuleType.SINGLE, null, null, null));
        assertEquals(403, assertThrows(ProblemException.class,
                () -> residents.admit(new Voter(Set.of("COMMITTEE"), "11545", null, null, null), 2021)).status());
    }

    @Test
    void choiceSetsFollowTheRule() {
        Ballot single = ballot(Eligibility.ANYONE, new Rule(RuleType.SINGLE, null, null, null));
        assertArrayEquals(new int[] {1}, single.selection(List.of("p-2")));
        assertEquals(422, assertThrows(ProblemException.class, () -> single.selection(List.of("p-1", "p-2"))).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> single.selection(List.of())).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> single.selection(List.of("p-9"))).status());

        Ballot approval = ballot(Eligibility.ANYONE, new Rule(RuleType.APPROVAL, 1, 2, null));
        assertArrayEquals(new int[] {0, 2}, approval.selection(List.of("p-3", "p-1")));
        assertEquals(422, assertThrows(ProblemException.class, () -> approval.selection(List.of("p-1", "p-2", "p-3"))).status());
        assertEquals(422, assertThrows(ProblemException.class, () -> approval.selection(List.of("p-1", "p-1"))).status());

        Ballot budget = ballot(Eligibility.ANYONE, new Rule(RuleType.BUDGET, null, null, 130_000_000L));
        assertArrayEquals(new int[] {0, 2}, budget.selection(List.of("p-1", "p-3"))); // exactly 130,000,000원
        ProblemException over = assertThrows(ProblemException.class, () -> budget.selection(List.of("p-1", "p-2")));
        assertEquals(422, over.status());
        assertEquals(170_000_000L, over.toProblem("/").extensions().get("cost"));
    }

    @Test
    void aDecryptedSelectionIsCountedOnlyWhenItKeepsTheRule() {
        Ballot approval = ballot(Eligibility.ANYONE, new Rule(RuleType.APPROVAL, 1, 2, null));
        assertTrue(approval.allows(new int[] {0, 2}));
        assertFalse(approval.allows(new int[] {}));
        assertFalse(approval.allows(new int[] {0, 1, 2}));
        assertFalse(approval.allows(new int[] {2, 0}));
        assertFalse(approval.allows(new int[] {1, 1}));
        assertFalse(approval.allows(new int[] {3}));
        Ballot budget = ballot(Eligibility.ANYONE, new Rule(RuleType.BUDGET, null, null, 130_000_000L));
        assertTrue(budget.allows(new int[] {0, 2}));
        assertFalse(budget.allows(new int[] {0, 1}));
    }

    @Test
    void definitionsThatCannotWorkAreRefused() {
        assertEquals("rule.maxChoices", field(() -> ballot(Eligibility.ANYONE, new Rule(RuleType.APPROVAL, 1, 4, null))));
        assertEquals("rule.budgetLimit", field(() -> ballot(Eligibility.ANYONE, new Rule(RuleType.BUDGET, null, null, null))));
        assertEquals("rule", field(() -> ballot(Eligibility.ANYONE, new Rule(RuleType.SINGLE, 1, 2, null))));
        assertEquals("eligibility.maxAge", field(() -> ballot(new Eligibility(null, null, 40, 30, null), new Rule(RuleType.SINGLE, null, null, null))));
        assertEquals("eligibility.requiredRole", field(() -> ballot(new Eligibility(null, null, null, null, "OFFICER"), new Rule(RuleType.SINGLE, null, null, null))));
        assertEquals("closesAt", field(() -> Ballot.define(UUID.randomUUID(), null, null, new BallotSpec("t", null, "11545", null,
                Eligibility.ANYONE, CLOSES, OPENS, OPTIONS, new Rule(RuleType.SINGLE, null, null, null), null), OPENS, null)));
        assertEquals("options[1].key", field(() -> Ballot.define(UUID.randomUUID(), null, null, new BallotSpec("t", null, "11545", null,
                Eligibility.ANYONE, OPENS, CLOSES, List.of(OPTIONS.get(0), OPTIONS.get(0)), new Rule(RuleType.SINGLE, null, null, null), null), OPENS, null)));
    }

    private static String field(org.junit.jupiter.api.function.Executable definition) {
        ProblemException e = assertThrows(ProblemException.class, definition);
        assertEquals(422, e.status());
        return e.toProblem("/").errors().get(0).field();
    }
}
