package kr.chamyeo.governance.programme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

/** The budget lines of seeds 000, 001, 003 and 004, loaded as the programmes' budgets and served as the seeds write them. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ProgrammeResourceTest {

    private static final String BASE = "/api/v1/governance/programmes";

    @Test
    void seedProgrammesCarryTheirBudgetsLinesAndSchedules() {
        given().auth().oauth2(TestTokens.officer("11545")).post(BASE + "/imports/seed").then().statusCode(403);
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/seed").then().statusCode(200);
        given().auth().oauth2(TestTokens.cityAdmin()).post(BASE + "/imports/seed").then().statusCode(200).body("imported", equalTo(0));

        given().get(BASE).then().statusCode(200)
                .body("id", equalTo(List.of("outreach-2016", "youth-gov-prep-2018", "youth-gov-districts-2020", "geumcheon-innovation-2021")));

        // Seed 003: 총 예산 10,540천원 = 강사비 210,000원 × 17명 × 2회 (7,140) + 진행비 10,000원 × 5명 × 17개구 (850)
        // + 자문회의비 150,000원 × 1회 × 17개구 (2,550); 운영기간 2016. 3 ~ 11월.
        JsonPath outreach = given().get(BASE + "/outreach-2016").then().statusCode(200)
                .body("programme.total", equalTo(10_540_000)).body("programme.periodFrom", equalTo("2016-03"))
                .body("programme.periodTo", equalTo("2016-11"))
                .body("lines.unitPrice", equalTo(List.of(210_000, 10_000, 150_000)))
                .body("lines.quantities", equalTo(List.of("17명 × 2회", "5명 × 17개구", "1회 × 17개구")))
                .body("lines.amount", equalTo(List.of(7_140_000, 850_000, 2_550_000)))
                .body("byCategory.category", equalTo(List.of("일반운영비", "회의운영비")))
                .body("byCategory.amount", equalTo(List.of(7_990_000, 2_550_000)))
                .body("milestones.label", hasItems("자치구 민관협력 간담회 (자치구별 1회)")).extract().jsonPath();
        assertEquals(10_540_000, outreach.getList("lines.amount", Integer.class).stream().mapToInt(Integer::intValue).sum());

        // Seed 001: 총액 60,000천원 (26,500 + 6,000 + 6,000 + 20,000 + 1,500); 청년의원 모집 '19. 1월~2월, 출범식 '19. 3월 초.
        JsonPath prep = given().get(BASE + "/youth-gov-prep-2018").then().statusCode(200)
                .body("programme.total", equalTo(60_000_000))
                .body("lines.amount", equalTo(List.of(26_500_000, 6_000_000, 6_000_000, 20_000_000, 1_500_000)))
                .body("lines", hasSize(5)).extract().jsonPath();
        assertEquals(List.of("2019-01", "2019-02"), List.of(prep.getString("milestones.find { it.label.startsWith('청년의회 청년의원 모집') }.from"),
                prep.getString("milestones.find { it.label.startsWith('청년의회 청년의원 모집') }.to")));
        assertEquals("2019-03", prep.getString("milestones.find { it.label.startsWith('청년자치정부 출범식') }.from"));

        // Seed 000: 소요예산 104,000,000원 (일억사백만원), 추진기간 2020년 6월 ~ 12월; the source lists no lines.
        given().get(BASE + "/youth-gov-districts-2020").then().statusCode(200)
                .body("programme.total", equalTo(104_000_000)).body("programme.periodFrom", equalTo("2020-06"))
                .body("programme.periodTo", equalTo("2020-12")).body("lines", hasSize(0));

        // Seed 004: 2021년 소요예산 34,900천원, with the contest in August.
        given().get(BASE + "/geumcheon-innovation-2021").then().statusCode(200)
                .body("programme.total", equalTo(34_900_000))
                .body("milestones.find { it.from == '2021-08' }.label", equalTo("금천구 혁신행정 우수사례 경진대회 (1차 서면심사·온라인 투표로 10건 선정 → 2차 현장발표)"));

        given().get(BASE + "/no-such-programme").then().statusCode(404).contentType("application/problem+json");
    }
}
