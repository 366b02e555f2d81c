package kr.chamyeo.community.plan;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/**
 * Seed 002 (2기 마을공동체 기본계획) as the service serves it: every 성과지표 and 추진목표 with its baseline and target,
 * every unit project's yearly targets, and the 현황표 of community spaces. The tables below are typed from the seed,
 * not from the bundled JSON, so a wrong figure in either fails here.
 */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class SecondPlanSeedTest {

    private static final String API = "/api/v1/community/plans/";

    /** code → name, unit, baseline, baselineYear, target, targetYear, unitProject (null: headline 성과지표). */
    private static final List<List<Object>> KPIS = List.of(
            // Ⅴ 성과지표: 공동체성 회복, 자치역량 향상, 민관협력 성숙
            kpi("K1", "이웃신뢰도", "%", "59.5", 2017, "70", 2022, null),
            kpi("K2", "사회적지지 이웃", "%", "90.6", 2017, "95", 2022, null),
            kpi("K3", "정주성", "점", "74.5", 2017, "85", 2022, null),
            kpi("K4", "자치적 문제해결", "%", "41.1", 2017, "65", 2022, null),
            kpi("K8", "행정기관 신뢰율", "%", null, null, "70", 2022, null),
            kpi("K9", "파트너십", "%", null, null, "45", 2022, null),
            // 단위사업 추진목표
            kpi("K5", "직접 참여자 규모(서울시민 대비)", "%", "1.3", 2016, "3", 2022, "1-1-1"),
            kpi("U-1-1-1", "모임형성 지원(누계)", "건", null, null, "5000", 2022, "1-1-1"),
            kpi("U-1-1-2", "특화사업 대상 집단(청년, 50+, 어르신)", "개", null, null, "3", 2018, "1-1-2"),
            kpi("U-1-2-1", "자치구별 마을아카데미 운영", "회/년", null, null, "2", null, "1-2-1"),
            kpi("K6", "시민 정책 인지도", "%", "56", 2017, "70", 2022, "1-2-2"),
            kpi("K7", "시민 마을활동 참여의향", "%", "19.6", 2017, "35", 2022, "1-2-2"),
            kpi("U-1-2-3", "민주주의 시민학습·사회참여모임(동아리) 지원", "개/년", null, null, "90", null, "1-2-3"),
            kpi("U-2-1-1a", "마을사업 경험자의 주민자치회 참여", "%", "14.6", 2017, "30", 2022, "2-1-1"),
            kpi("U-2-1-1b", "자치계획 투표율", "%", "2.8", 2017, "5", 2022, "2-1-1"),
            kpi("U-2-1-1c", "자체수입·실무력 보유 주민자치회", "개", null, null, "90", 2022, "2-1-1"),
            kpi("U-2-2-1a", "마을계획 실행 동", "동", null, null, "71", null, "2-2-1"),
            kpi("U-2-2-1b", "자치계획 실행 동", "동", null, null, "424", 2022, "2-2-1"),
            kpi("U-2-2-1c", "주민세(개인균등) 징수분 지역 환원 동별 평균", "백만원", null, null, "37", null, "2-2-1"),
            kpi("U-2-2-2", "주민자치회 주도 소규모 도시재생(누계)", "개소", null, null, "10", 2022, "2-2-2"),
            kpi("U-3-1-1", "공동체 자원 자부담 인정(보조금 대비)", "%", null, null, "50", 2022, "3-1-1"),
            kpi("U-3-1-3", "마을활력소 신규 조성(누계)", "개소", null, null, "75", 2022, "3-1-3"),
            kpi("U-3-1-5a", "주민자치회 수입원 기금 조성", "억원", null, null, "40", 2022, "3-1-5"),
            kpi("U-3-1-5b", "주민자치회 기금 동별", "백만원", null, null, "9.4", 2022, "3-1-5"),
            kpi("U-3-2-1", "마을자치전문가 양성·배치(누계)", "명", null, null, "848", 2022, "3-2-1"),
            kpi("U-3-2-2", "마을공동체 일자리 창출(누계)", "명", null, null, "1331", 2022, "3-2-2"),
            kpi("U-3-3-1", "마을사업 참여자 네트워크 파티", "회/년", null, null, "300", null, "3-3-1"),
            kpi("U-3-3-2", "지역 기반 사회적협동조합 등 설립(누계)", "개", null, null, "75", 2022, "3-3-2"),
            kpi("U-3-3-4", "컨설팅 전문가 풀", "명", null, null, "100", 2018, "3-3-4"),
            kpi("U-4-1-1", "자치구 주도 공모사업", "자치구/년", null, null, "25", null, "4-1-1"),
            kpi("U-4-1-2a", "시 사업부서 행정협의회", "회/년", null, null, "4", null, "4-1-2"),
            kpi("U-4-1-2b", "시·구 공무원 소통회의", "회/년", null, null, "12", null, "4-1-2"),
            kpi("U-4-1-2c", "자치구 민관 마을자치협의체(누계)", "자치구", null, null, "25", 2022, "4-1-2"),
            kpi("U-4-1-3a", "區 중간지원조직 마을자치통합지원센터 민간위탁 전환(누계)", "자치구", null, null, "25", 2021, "4-1-3"),
            kpi("U-4-1-3b", "區 중간지원조직 인력(조직별 평균)", "명", "3.82", 2017, "6", 2022, "4-1-3"),
            kpi("U-4-2-2a", "찾아가는 동주민센터(마을분야)", "동", null, null, "402", null, "4-2-2"),
            kpi("U-4-2-2b", "실·본부·국별 마을공동체 사업", "개", null, null, "7", null, "4-2-2"),
            kpi("U-4-3-1", "열린육아방 조성·운영(누계)", "개", null, null, "450", 2022, "4-3-1"),
            kpi("U-4-3-2", "사회문제 해결형 마을공동체 사업 모델", "개/년", null, null, "4", null, "4-3-2"));

    /** 연차별 추진계획 of every unit project, 2018–2022 (null: no numeric target that year). */
    private static final Map<String, Integer[]> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("1-1-1a", row(1_000, 1_000, 1_000, 1_000, 1_000));
        TARGETS.put("1-1-2a", row(null, 3, 6, 9, 21));
        TARGETS.put("1-2-1a", row(50, 50, 50, 50, 50));
        TARGETS.put("1-2-2a", row(null, null, null, null, null));
        TARGETS.put("1-2-2b", row(null, null, null, null, null));
        TARGETS.put("1-2-3a", row(90, 90, 90, 90, 90));
        TARGETS.put("2-1-1a", row(91, 75, 156, 102, null));
        TARGETS.put("2-2-1a", row(26, 91, 166, 322, 424));
        TARGETS.put("2-2-2a", row(null, null, null, null, null));
        TARGETS.put("2-2-2b", row(null, 1, 2, 3, 4));
        TARGETS.put("3-1-1a", row(10, 20, 30, 40, 50));
        TARGETS.put("3-1-2a", row(null, null, null, null, null));
        TARGETS.put("3-1-3a", row(9, 16, 16, 17, 17));
        TARGETS.put("3-1-4a", row(null, null, null, null, null));
        TARGETS.put("3-1-5a", row(null, 1, 1, 1, 1));
        TARGETS.put("3-1-5b", row(null, null, 61, 282, 326));
        TARGETS.put("3-2-1a", row(null, 122, 442, 88, 196));
        TARGETS.put("3-2-2a", row(100, 20, 20, 10, null));
        TARGETS.put("3-2-2b", row(null, 122, 442, 88, 196));
        TARGETS.put("3-2-2c", row(72, 111, 48, 51, 51));
        TARGETS.put("3-3-1a", row(300, 300, 300, 300, 300));
        TARGETS.put("3-3-1b", row(null, null, null, null, null));
        TARGETS.put("3-3-2a", row(5, 10, 15, 20, 25));
        TARGETS.put("3-3-3a", row(null, null, null, null, null));
        TARGETS.put("3-3-4a", row(100, null, null, null, null));
        TARGETS.put("4-1-1a", row(25, 25, 25, 25, 25));
        TARGETS.put("4-1-2a", row(4, 4, 4, 4, 4));
        TARGETS.put("4-1-2b", row(12, 12, 12, 12, 12));
        TARGETS.put("4-1-2c", row(null, 4, 13, 3, 5));
        TARGETS.put("4-1-3a", row(null, null, null, null, null));
        TARGETS.put("4-1-3b", row(16, 4, 4, 1, null));
        TARGETS.put("4-1-3c", row(100, 20, 20, 10, null));
        TARGETS.put("4-2-1a", row(null, null, null, null, null));
        TARGETS.put("4-2-2a", row(402, 402, 402, null, null));
        TARGETS.put("4-2-2b", row(120, 150, 160, 160, 160));
        TARGETS.put("4-2-2c", row(50, 50, 50, 50, 50));
        TARGETS.put("4-2-2d", row(25, 26, 27, 30, 30));
        TARGETS.put("4-2-2e", row(60, 60, 60, 60, 60));
        TARGETS.put("4-2-2f", row(200, 210, 220, 230, 240));
        TARGETS.put("4-2-2g", row(100, 110, 120, 130, 140));
        TARGETS.put("4-2-2h", row(18, 18, 20, 20, 20));
        TARGETS.put("4-3-1a", row(50, 50, 130, 150, 70));
        TARGETS.put("4-3-2a", row(4, 4, 4, 4, 4));
    }

    @Test
    void everyKpiOfTheSecondPlanIsDataWithTheSeedsBaselineAndTarget() {
        List<Map<String, Object>> served = plan().getList("plan.kpis");
        Map<String, List<Object>> byCode = served.stream().collect(Collectors.toMap(k -> (String) k.get("code"),
                k -> Arrays.asList(k.get("code"), k.get("name"), k.get("unit"), decimal(k.get("baseline")), k.get("baselineYear"),
                        decimal(k.get("target")), k.get("targetYear"), k.get("unitProject"))));
        assertEquals(KPIS.size(), served.size(), "one entry per 성과지표 and 추진목표");
        for (List<Object> expected : KPIS) {
            assertEquals(expected, byCode.get((String) expected.get(0)), "KPI " + expected.get(0));
        }
        assertEquals(6, served.stream().filter(k -> k.get("unitProject") == null).count(), "Ⅴ 성과지표: 6 figures in 3 areas");
        assertEquals(List.of("공동체성 회복", "공동체성 회복", "공동체성 회복", "자치역량 향상", "민관협력 성숙", "민관협력 성숙"),
                served.stream().filter(k -> k.get("unitProject") == null).map(k -> k.get("group")).toList());
    }

    @Test
    void everyUnitProjectsYearlyTargetIsTheSeeds() {
        JsonPath plan = plan();
        List<Map<String, Object>> measures = plan.getList("plan.root.children.children.children.children.measures.flatten()");
        Map<String, Integer[]> served = new HashMap<>();
        for (Map<String, Object> m : measures) {
            Integer[] targets = new Integer[5];
            for (Object y : (List<?>) m.get("years")) {
                Map<?, ?> year = (Map<?, ?>) y;
                Object target = year.get("target");
                targets[(Integer) year.get("year") - 2018] = target == null ? null : ((Number) target).intValue();
            }
            served.put((String) m.get("code"), targets);
        }
        assertEquals(TARGETS.keySet(), served.keySet(), "every measure of the plan is in the seed's table and back");
        TARGETS.forEach((code, targets) -> assertEquals(Arrays.asList(targets), Arrays.asList(served.get(code)), code));

        // The seed's own totals (계) and its Ⅶ 연차별 추진계획 rows, which add several unit-project lines.
        assertEquals(5_000, sum("1-1-1a"), "이웃만들기 계 5,000 = 모임형성 지원 5,000건(2022년)");
        assertEquals(75, sum("3-1-3a"), "마을활력소 9 + 16 + 16 + 17 + 17 = 75개소");
        assertEquals(75, 3 * 25, "자치구당 3개소 × 25 자치구");
        assertEquals(848, sum("3-2-1a"), "마을자치전문가 848명");
        assertEquals(75, sum("3-3-2a"), "사회적협동조합 등 75개");
        assertEquals(10, sum("2-2-2b"), "소규모 도시재생 2022년까지 10개소");
        assertEquals(150, sum("3-2-2a"), "區 중간지원조직 상근자 150명 (구별 6명)");
        assertEquals(333, sum("3-2-2c"), "마을활력소 운영자 333명");
        assertEquals(1_331, sum("3-2-2a") + sum("3-2-2b") + sum("3-2-2c"), "마을공동체 일자리 1,331명(2022년)");
        assertEquals(450, sum("4-3-1a"), "열린육아방 450개(누계)");
        assertEquals(25, sum("4-1-2c"), "민관협의체 25개 자치구");
        assertEquals(25, sum("4-1-3b"), "마을자치지원센터 통합 25");
        assertEquals(424, TARGETS.get("2-2-1a")[4], "자치계획 424동(누계)");
        assertEquals(424, sum("2-1-1a"), "주민자치회 설립 지원 계 424 = 91 + 75 + 156 + 102");
        assertEquals(750, sum("4-2-2b"), "부모커뮤니티 계 750");
        assertEquals(138, sum("4-2-2d"), "마을예술창작소 계 138");
        assertEquals(1_100, sum("4-2-2f"), "공동주택 계 1,100");
        assertEquals(96, sum("4-2-2h"), "마을기업 계 96");
        int[] jobs = {172, 253, 510, 149, 247};
        int[] cooperation = {16, 20, 29, 19, 21};
        for (int i = 0; i < 5; i++) {
            assertEquals(jobs[i], at("3-2-2a", i) + at("3-2-2b", i) + at("3-2-2c", i), "Ⅶ ② 마을일자리 " + (2018 + i));
            assertEquals(cooperation[i], at("4-1-2a", i) + at("4-1-2b", i) + at("4-1-2c", i), "Ⅶ ② 협력적 정책 추진 " + (2018 + i));
        }
    }

    @Test
    void spacesFiguresAddUp() {
        JsonPath plan = plan();
        assertEquals(List.of(122, 155, 54, 36), plan.getList("plan.inventories.find { it.code == 'SPACES-2017' }.parts.count"));
        assertEquals(367, plan.getInt("plan.inventories.find { it.code == 'SPACES-2017' }.total"), "367 = 122 + 155 + 54 + 36");
        assertEquals(331, plan.getList("plan.inventories.find { it.code == 'SPACES-2017' }.parts.findAll { it.group == '주민 주도' }.count",
                Integer.class).stream().mapToInt(Integer::intValue).sum(), "주민 주도 331 (Ⅱ 인프라 측면)");
        assertEquals(List.of(122, 155, 54, 111, 6), plan.getList("plan.inventories.find { it.code == 'SPACES-2022' }.parts.count"));
        assertEquals(448, plan.getInt("plan.inventories.find { it.code == 'SPACES-2022' }.total"));
        assertEquals(448, 367 + sum("3-1-3a") + 6, "기 조성 367 + 마을활력소 신규 75 + 신축 동주민센터 6");
        assertEquals(111, 36 + sum("3-1-3a"), "마을활력소 36 + 75");
        assertEquals(List.of(331, 9), plan.getList("plan.inventories.find { it.code == 'SPACES-1ST' }.parts.count"));
        assertEquals(340, plan.getInt("plan.inventories.find { it.code == 'SPACES-1ST' }.total"), "1기 340개소");
    }

    @Test
    void theSpaceRegistryStandsBesideTheSeedsSpacesTables() {
        long before = given().get("/api/v1/community/spaces/stock").then().statusCode(200).extract().jsonPath()
                .getLong("rows.find { it.kind == 'VILLAGE_SPACE' }.registered");
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"district\":\"11545\",\"dong\":\"독산1동\",\"name\":\"우리마을공간 " + System.nanoTime() + "\",\"kind\":\"VILLAGE_SPACE\","
                        + "\"address\":\"서울 금천구 독산로 1\",\"capacity\":20,\"opensAt\":\"09:00\",\"closesAt\":\"22:00\"}")
                .post("/api/v1/community/spaces").then().statusCode(201);
        JsonPath stock = given().get("/api/v1/community/spaces/stock").then().statusCode(200).extract().jsonPath();
        assertEquals(367, stock.getInt("existing"));
        assertEquals(448, stock.getInt("planned2022"));
        assertEquals(List.of("우리마을공간", "마을기업", "마을예술창작소", "마을활력소", "신축 동주민센터"), stock.getList("rows.label"));
        assertEquals(List.of(122, 155, 54, 36, 0), stock.getList("rows.existing"));
        assertEquals(List.of(122, 155, 54, 111, 6), stock.getList("rows.planned2022"), "마을활력소 36 + 75 new; 6 new 동주민센터");
        assertEquals(before + 1, stock.getLong("rows.find { it.kind == 'VILLAGE_SPACE' }.registered"));
        assertNull(stock.get("rows.find { it.label == '신축 동주민센터' }.registered"), "no such kind in the registry");
        given().queryParam("district", "11110").get("/api/v1/community/spaces/stock").then().statusCode(200)
                .body("existing", equalTo(367)).body("rows.find { it.kind == 'VILLAGE_SPACE' }.registered", equalTo(0));
        given().queryParam("district", "1").get("/api/v1/community/spaces/stock").then().statusCode(422);
    }

    @Test
    void kpiProgressIsReportedAgainstTheSeedsFigures() {
        String id = PlanResourceTest.secondPlanId();
        String admin = TestTokens.cityAdmin();
        given().auth().oauth2(admin).contentType("application/json").body("{\"value\":63}")
                .put(API + id + "/kpis/K8/measurements/2020").then().statusCode(204);
        given().auth().oauth2(admin).contentType("application/json").body("{\"value\":4.91}")
                .put(API + id + "/kpis/U-4-1-3b/measurements/2020").then().statusCode(204);
        given().auth().oauth2(admin).contentType("application/json").body("{\"value\":22.5}")
                .put(API + id + "/kpis/U-2-1-1a/measurements/2019").then().statusCode(204);
        JsonPath p = given().queryParam("year", 2020).get(API + id + "/progress").then().statusCode(200).extract().jsonPath();
        assertEquals(KPIS.size(), p.getList("kpis").size());
        assertEquals(0.9f, p.getFloat("kpis.find { it.code == 'K8' }.progress"), "63 of the 70% target, no baseline");
        assertEquals(0.5f, p.getFloat("kpis.find { it.code == 'U-4-1-3b' }.progress"), "3.82 → 6명: 4.91 is halfway");
        assertEquals(5.128f, p.getFloat("kpis.find { it.code == 'U-4-1-3b' }.expected"), "3.82 + 2.18 × 3/5 in 2020");
        assertEquals(4.12f, p.getFloat("kpis.find { it.code == 'U-2-1-1b' }.expected"), "투표율 2.8 → 5%: the 주민총회 target of 2020");
        // The newest measurement up to the year asked: 2019's 22.5 of 14.6 → 30%.
        assertEquals(2019, p.getInt("kpis.find { it.code == 'U-2-1-1a' }.measuredYear"));
        assertEquals(0.513f, p.getFloat("kpis.find { it.code == 'U-2-1-1a' }.progress"), 0.0001f);
        given().queryParam("year", 2018).get(API + id + "/progress").then()
                .body("kpis.find { it.code == 'K8' }.measured", equalTo(null));
        given().auth().oauth2(admin).contentType("application/json").body("{\"value\":1}")
                .put(API + id + "/kpis/K10/measurements/2020").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPlanWhoseFiguresDoNotAddUpIsRefused() {
        String admin = TestTokens.cityAdmin();
        String plan = """
                {"code":"inventory-%s","title":"시험","startYear":2018,"endYear":2022,
                 "root":{"kind":"VISION","code":"V","title":"비전","children":[
                  {"kind":"CORE_VALUE","code":"C","title":"가치","children":[
                   {"kind":"STRATEGY","code":"S","title":"전략","children":[
                    {"kind":"TASK","code":"T","title":"과제","children":[
                     {"kind":"UNIT_PROJECT","code":"U1","title":"단위사업","status":"NEW","measures":[]}]}]}]}]},
                 "kpis":[{"code":"K1","name":"지표","unit":"개","target":10,"unitProject":"%s"}],
                 "inventories":[{"code":"S","title":"공간","unit":"개소","total":%d,"parts":[{"label":"a","count":122},{"label":"b","count":245}]}]}
                """;
        given().auth().oauth2(admin).contentType("application/json").body(plan.formatted(System.nanoTime(), "U1", 366))
                .post("/api/v1/community/plans").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("inventories[0].total")).body("errors[0].message", equalTo("the parts add up to 367, not 366"));
        given().auth().oauth2(admin).contentType("application/json").body(plan.formatted(System.nanoTime(), "U9", 367))
                .post("/api/v1/community/plans").then().statusCode(422).body("errors[0].field", equalTo("kpis[0].unitProject"));
        given().auth().oauth2(admin).contentType("application/json").body(plan.formatted(System.nanoTime(), "U1", 367))
                .post("/api/v1/community/plans").then().statusCode(201);
    }

    private static JsonPath plan() {
        return given().get(API + PlanResourceTest.secondPlanId()).then().statusCode(200).extract().jsonPath();
    }

    private static int sum(String measure) {
        return Arrays.stream(TARGETS.get(measure)).mapToInt(t -> t == null ? 0 : t).sum();
    }

    private static int at(String measure, int i) {
        Integer t = TARGETS.get(measure)[i];
        return t == null ? 0 : t;
    }

    private static Integer[] row(Integer... targets) {
        return targets;
    }

    private static List<Object> kpi(String code, String name, String unit, String baseline, Integer baselineYear, String target,
                                    Integer targetYear, String unitProject) {
        return Arrays.asList(code, name, unit, baseline == null ? null : new BigDecimal(baseline), baselineYear, new BigDecimal(target),
                targetYear, unitProject);
    }

    private static BigDecimal decimal(Object n) {
        return n == null ? null : new BigDecimal(n.toString());
    }
}
