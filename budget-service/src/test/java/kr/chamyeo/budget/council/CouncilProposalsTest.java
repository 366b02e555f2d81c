package kr.chamyeo.budget.council;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kr.chamyeo.budget.cycle.Subcommittee;

/** The rules for the youth council's proposals, without a server. */
class CouncilProposalsTest {

    private static final long M = 1_000_000;

    private static YouthBudgetProposed round(long proposed, YouthBudgetProposed.Item... items) {
        return new YouthBudgetProposed(UUID.randomUUID(), 2020, 1000 * M, proposed, LocalDate.of(2020, 7, 25), List.of(items));
    }

    private static YouthBudgetProposed.Item item(int priority, String title, String subcommittee, long amount) {
        return new YouthBudgetProposed.Item(priority, title, subcommittee, amount);
    }

    private static Subcommittee subcommittee(String code, String name) {
        Subcommittee s = new Subcommittee();
        s.code = code;
        s.name = name;
        return s;
    }

    @Test
    void aRoundMustKeepGovernancesContract() {
        CouncilProposals.requireValid(round(1000 * M, item(1, "청년 1인가구 주거비 지원", "주거분과", 600 * M),
                item(2, "청년 마음건강 상담", null, 400 * M)));
        // proposed is the proposals' sum, within the city's total (일정한 총액 내에서)
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CouncilProposals.requireValid(round(900 * M,
                item(1, "a", null, 600 * M), item(2, "b", null, 400 * M)))).getMessage().contains("proposals sum to 1000000000"));
        assertThrows(IllegalArgumentException.class, () -> CouncilProposals.requireValid(round(1100 * M,
                item(1, "a", null, 600 * M), item(2, "b", null, 500 * M))));
        // priorities 1..n once each, titles, positive amounts
        assertThrows(IllegalArgumentException.class, () -> CouncilProposals.requireValid(round(1000 * M,
                item(1, "a", null, 600 * M), item(1, "b", null, 400 * M))));
        assertThrows(IllegalArgumentException.class, () -> CouncilProposals.requireValid(round(1000 * M,
                item(1, "a", null, 600 * M), item(3, "b", null, 400 * M))));
        assertThrows(IllegalArgumentException.class, () -> CouncilProposals.requireValid(round(600 * M, item(1, " ", null, 600 * M))));
        assertThrows(IllegalArgumentException.class, () -> CouncilProposals.requireValid(round(0, item(1, "a", null, 0))));
        assertThrows(IllegalArgumentException.class, () -> CouncilProposals.requireValid(round(0)));
    }

    @Test
    void aProposalGoesToTheSubcommitteeOfItsNameOrCodeElseTheFirst() {
        List<Subcommittee> subs = List.of(subcommittee("youth", "청년의회 분과"), subcommittee("housing", "주거분과"));
        assertEquals("housing", CouncilProposals.subcommitteeFor(subs, "주거분과"));
        assertEquals("housing", CouncilProposals.subcommitteeFor(subs, "housing"));
        assertEquals("youth", CouncilProposals.subcommitteeFor(subs, "문화분과"));
        assertEquals("youth", CouncilProposals.subcommitteeFor(subs, null));
    }

    @Test
    void theDescriptionQuotesSeed001AndTheExcessIsNamed() {
        YouthBudgetProposed round = round(1000 * M, item(1, "청년 1인가구 주거비 지원", "주거분과", 600 * M),
                item(2, "청년 마음건강 상담", null, 400 * M));
        assertEquals("청년자율예산제: 청년의회가 숙의를 거쳐 일정한 총액 내에서 정책의 우선순위와 규모를 결정해 서울시에 제안한 사업 "
                + "(2020-07-25 본회의 의결; 총액 1000000000원 중 우선순위 2/2, 400000000원)", CouncilProposals.description(round,
                round.proposals().get(1)));
        assertNull(CouncilProposals.excess(1000 * M, 1000 * M));
        assertTrue(CouncilProposals.excess(1000 * M, 800 * M).contains("200000000 more than the cycle's total 800000000"));
    }
}
