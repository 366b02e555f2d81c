package kr.chamyeo.community.tax;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class ResidentTaxTest {

    private static final String API = "/api/v1/community/resident-tax";
    private static final long MILLION = 1_000_000L;

    /** The seed's "동 배분 (동수)" row, 백만원, in the order of its table (종로 … 강동). */
    private static final String[] CODES = {"11110", "11140", "11170", "11200", "11215", "11230", "11260", "11290", "11305", "11320",
            "11350", "11380", "11410", "11440", "11470", "11500", "11530", "11545", "11560", "11590", "11620", "11650", "11680", "11710", "11740"};
    private static final long[] PER_DONG = {14, 13, 23, 27, 39, 40, 40, 34, 38, 38, 44, 49, 37, 40, 39, 45, 45, 36, 35, 44, 43, 37, 40, 36, 38};
    private static final int[] DONGS = {17, 15, 16, 17, 15, 14, 16, 20, 13, 14, 19, 16, 14, 16, 18, 20, 15, 10, 18, 15, 21, 18, 22, 27, 18};

    @Test
    void seedTable2016GivesEachDistrictsPerDongShare() {
        JsonPath t = given().queryParam("year", 2016).get(API + "/collections").then().statusCode(200).extract().jsonPath();
        assertEquals(25, t.getList("districts").size());
        for (int i = 0; i < CODES.length; i++) {
            String row = "districts.find { it.district == '" + CODES[i] + "' }";
            assertEquals(DONGS[i], t.getInt(row + ".dongs"), CODES[i]);
            assertEquals(PER_DONG[i], t.getLong(row + ".perDong") / MILLION, CODES[i] + " 동 배분");
        }
        assertEquals(424, t.getInt("dongs"), "all 424 dongs");
        // The seed's summary line says 개인균등분 부과 18,847 / 징수 15,789 (83.8%); its district rows add up to
        // 18,836 and 15,776. The rows are kept as printed; the rate still rounds to 83.8%.
        assertEquals(18_836 * MILLION, t.getLong("levied"));
        assertEquals(15_776 * MILLION, t.getLong("collected"));
        assertEquals(0.838, (double) t.getLong("collected") / t.getLong("levied"), 0.0005);
        // 동별 평균 약 37백만원.
        assertEquals(37, t.getLong("collected") / t.getInt("dongs") / MILLION);
        given().queryParam("year", 2016).get(API + "/collections").then()
                .body("districts.find { it.district == '11545' }.districtName", equalTo("금천구"))
                .body("districts.find { it.district == '11545' }.collectionRate", equalTo(0.7918f));
    }

    @Test
    void nextYearsAllocationGoesToEstablishedCouncils() {
        String dong = "독산" + UUID.randomUUID().toString().substring(0, 5) + "동";
        String later = "시흥" + UUID.randomUUID().toString().substring(0, 5) + "동";
        for (String[] c : new String[][] {{dong, "2017"}, {later, "2019"}}) {
            given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                    .body("{\"district\":\"11545\",\"dong\":\"" + c[0] + "\",\"rolloutYear\":" + c[1] + ",\"seats\":30}")
                    .post("/api/v1/community/councils").then().statusCode(201);
        }
        given().queryParam("district", "11545").queryParam("year", 2017).get(API + "/allocations").then().statusCode(200)
                .body("collectionYear", equalTo(2016)).body("perDong", equalTo(36_900_000)).body("remainder", equalTo(0))
                .body("councilDongs.find { it.dong == '" + dong + "' }.amount", equalTo(36_900_000))
                .body("councilDongs.find { it.dong == '" + later + "' }.councilEstablished", equalTo(false))
                .body("councilDongs.find { it.dong == '" + later + "' }.amount", equalTo(0));
        given().queryParam("district", "11545").queryParam("year", 2030).get(API + "/allocations").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void officersReportTheirDistrictsCollections() {
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"levied\":470000000,\"collected\":400000001,\"dongs\":10}")
                .put(API + "/collections/11545/2019").then().statusCode(200).body("perDong", equalTo(40_000_000)).body("remainder", equalTo(1));
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json")
                .body("{\"levied\":1,\"collected\":1,\"dongs\":10}").put(API + "/collections/11545/2019").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(TestTokens.resident("r", "11545", "독산1동", 1990, "F")).contentType("application/json")
                .body("{\"levied\":1,\"collected\":1,\"dongs\":10}").put(API + "/collections/11545/2019").then().statusCode(403);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"levied\":1,\"collected\":2,\"dongs\":10}").put(API + "/collections/11545/2019").then().statusCode(422)
                .body("errors[0].field", equalTo("collected"));
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body("{\"levied\":1,\"collected\":1,\"dongs\":0}").put(API + "/collections/11545/2019").then().statusCode(422)
                .body("errors[0].field", equalTo("dongs"));
        given().get(API + "/collections").then().statusCode(422);
        given().queryParam("district", "99999").queryParam("year", 2017).get(API + "/allocations").then().statusCode(422);
    }

    @Test
    void perDongIsTheFlooredEqualShare() {
        assertEquals(new TaxReturn.Allocation(14_647_058, 14), TaxReturn.perDong(249 * MILLION, 17));
    }
}
