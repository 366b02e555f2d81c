package kr.chamyeo.governance.programme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import kr.chamyeo.governance.programme.BudgetLines.Line;

class BudgetLinesTest {

    /** Seed 003, Ⅳ 예산 사항: 강사비 210,000 원 × 17 명 × 2 회 = 7,140; 진행비 10,000 원 × 5 명 × 17개구 = 850; 자문회의비 150,000 원 × 1 회 × 17개구 = 2,550. */
    private static final List<Line> OUTREACH_2016 = List.of(
            new Line("일반운영비", "간담회·교육 강사비", 210_000L, "17명 × 2회", 7_140_000L),
            new Line("일반운영비", "간담회 진행비", 10_000L, "5명 × 17개구", 850_000L),
            new Line("회의운영비", "자문회의비", 150_000L, "1회 × 17개구", 2_550_000L));

    @Test
    void seed003LinesAddUpTo10540ThousandWonWithTheirSubtotals() {
        assertEquals(List.of(), BudgetLines.problems(10_540_000L, OUTREACH_2016));
        // 일반운영비 7,990 and 회의운영비 2,550 (천원), as the seed's 편성목 column.
        assertEquals(Map.of("일반운영비", 7_990_000L, "회의운영비", 2_550_000L), BudgetLines.byCategory(OUTREACH_2016));
        assertEquals(34, BudgetLines.quantity("17명 × 2회"));
    }

    @Test
    void aLineWhoseCalculationOrSumIsOffIsReported() {
        List<Line> typo = List.of(OUTREACH_2016.get(0), OUTREACH_2016.get(1),
                new Line("회의운영비", "자문회의비", 150_000L, "1회 × 17개구", 2_500_000L));
        assertEquals(List.of("자문회의비: 150000 × 1회 × 17개구 = 2550000, not 2500000", "lines add up to 10490000, not the total 10540000"),
                BudgetLines.problems(10_540_000L, typo));
    }

    /** Seed 001, Ⅶ 소요예산: 26,500 + 6,000 + 6,000 + 20,000 + 1,500 = 총액 60,000 (천원); a total with no lines (seed 000: 104,000,000원) is consistent. */
    @Test
    void seed001LinesAddUpTo60000ThousandWonAndATotalAloneIsConsistent() {
        List<Line> prep = List.of(new Line("네트워크 구축 및 공론의 장 운영", "추진위원회", null, null, 26_500_000L),
                new Line("네트워크 구축 및 공론의 장 운영", "찾아가는 청년자치정부", null, null, 6_000_000L),
                new Line("혁신프로젝트 발굴", "N개의 혁신 프로젝트", null, null, 6_000_000L),
                new Line("공감대 형성", "시민소통 및 아카이빙 채널", null, null, 20_000_000L),
                new Line("대내외 기반마련", "출범 여건·협력체계", null, null, 1_500_000L));
        assertEquals(List.of(), BudgetLines.problems(60_000_000L, prep));
        assertEquals(List.of("lines add up to 60000000, not the total 61000000"), BudgetLines.problems(61_000_000L, prep));
        assertEquals(List.of(), BudgetLines.problems(104_000_000L, List.of()));
    }
}
