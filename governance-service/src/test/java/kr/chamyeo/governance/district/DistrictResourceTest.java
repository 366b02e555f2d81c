package kr.chamyeo.governance.district;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class DistrictResourceTest {

    @Test
    void twentyFiveDistrictsInFiveRegions() {
        List<Map<String, String>> all = given().get("/api/v1/governance/districts").then().statusCode(200)
                .body("$", hasSize(25)).extract().jsonPath().getList("$");
        Map<String, Long> perRegion = all.stream().collect(Collectors.groupingBy(d -> d.get("region"), Collectors.counting()));
        assertEquals(Map.of("도심권", 3L, "동북권", 8L, "서북권", 3L, "서남권", 7L, "동남권", 4L), perRegion);
        given().get("/api/v1/governance/districts/11545").then().statusCode(200)
                .body("name", equalTo("금천구")).body("region", equalTo("서남권"));
        given().get("/api/v1/governance/districts/99999").then().statusCode(404).contentType("application/problem+json");
    }
}
