package kr.chamyeo.budget.cycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** The electorates of a new cycle: the two of the original API, or a weighted list (Seoul 2018: 50 / 40 / 10). */
class ElectoratesTest {

    private static CycleRequest.ElectorateRequest e(String code, int weight, String role) {
        return new CycleRequest.ElectorateRequest(code, code + " 채널", weight, role, null, null);
    }

    @Test
    void withoutAListTheTwoOriginalElectoratesKeepTheirWeightsAndYouthAges() {
        List<Electorate> two = Electorates.of(CycleKind.YOUTH, 70, null, null);
        assertEquals(List.of("RESIDENTS", "COMMITTEE"), two.stream().map(x -> x.code).toList());
        assertEquals(List.of(70, 30), two.stream().map(x -> x.weight).toList());
        assertEquals(19, two.get(0).minAge);
        assertEquals(39, two.get(0).maxAge);
        assertEquals("COMMITTEE", two.get(1).requiredRole);
        assertEquals(List.of(50, 50), Electorates.of(CycleKind.RESIDENT, null, null, null).stream().map(x -> x.weight).toList());
        assertEquals("committeeWeight", field(() -> Electorates.of(CycleKind.RESIDENT, 60, 60, null)));
        // An empty list is no list: OpenAPI Generator's Java client sends [] for a list the caller never set.
        assertEquals(List.of(70, 30), Electorates.of(CycleKind.RESIDENT, 70, null, List.of()).stream().map(x -> x.weight).toList());
    }

    @Test
    void seoul2018AndSeoul2016Lists() {
        List<Electorate> y2018 = Electorates.of(CycleKind.RESIDENT, null, null,
                List.of(e("EVOTE", 50, null), e("COMMITTEE", 40, "COMMITTEE"), e("SCHOOL", 10, "RESIDENT")));
        assertEquals(List.of(50, 40, 10), y2018.stream().map(x -> x.weight).toList());
        assertEquals("RESIDENT", y2018.get(0).requiredRole);
        assertEquals(List.of(45, 45, 10), Electorates.of(CycleKind.RESIDENT, null, null,
                List.of(e("EVOTE", 45, null), e("COMMITTEE", 45, "COMMITTEE"), e("SURVEY", 10, null))).stream()
                .map(x -> x.weight).toList());
    }

    @Test
    void aBrokenListNamesTheField() {
        assertEquals("electorates", field(() -> Electorates.of(CycleKind.RESIDENT, null, null,
                List.of(e("EVOTE", 45, null), e("COMMITTEE", 45, "COMMITTEE")))));
        assertEquals("electorates[1].code", field(() -> Electorates.of(CycleKind.RESIDENT, null, null,
                List.of(e("EVOTE", 50, null), e("EVOTE", 50, null)))));
        assertEquals("electorates[0].requiredRole", field(() -> Electorates.of(CycleKind.RESIDENT, null, null,
                List.of(e("EVOTE", 100, "CITY_ADMIN")))));
        assertEquals("electorates[0].maxAge", field(() -> Electorates.of(CycleKind.RESIDENT, null, null,
                List.of(new CycleRequest.ElectorateRequest("YOUNG", "청년", 100, null, 39, 19)))));
        assertEquals("committeeWeight", field(() -> Electorates.of(CycleKind.RESIDENT, null, 50,
                List.of(e("EVOTE", 100, null)))));
    }

    private static String field(Runnable r) {
        ProblemException e = assertThrows(ProblemException.class, r::run);
        return e.toProblem("/").errors().get(0).field();
    }
}
