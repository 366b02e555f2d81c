package kr.chamyeo.governance.sortition;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;

@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class SortitionResourceTest {

    private static final String BASE = "/api/v1/governance/sortitions";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    EntityManager em;

    static Map<String, Object> request(List<Volunteer> pool, int panel, int reserves, List<Map<String, Object>> quotas,
                                       List<Map<String, Object>> proportional, Boolean drawNow) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("district", "11545");
        body.put("title", "2021 금천구 공약이행 주민배심원");
        body.put("panelSize", panel);
        body.put("reserves", reserves);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Volunteer v : pool) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("id", v.id());
            e.put("features", v.features());
            if (v.household() != null) {
                e.put("household", v.household());
            }
            entries.add(e);
        }
        body.put("pool", entries);
        if (quotas != null) {
            body.put("quotas", quotas);
        }
        if (proportional != null) {
            body.put("proportionalQuotas", proportional);
        }
        if (drawNow != null) {
            body.put("drawNow", drawNow);
        }
        return body;
    }

    static Map<String, Object> quota(String feature, String value, int min, int max) {
        return Map.of("feature", feature, "value", value, "min", min, "max", max);
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void seedJury35PlusFiveReservesFrom250ProportionalBySexAgeAndArea() throws Exception {
        List<Volunteer> pool = Pools.jury(250, 2021);
        List<Map<String, Object>> proportional = List.of(
                Map.of("feature", "sex", "shares", Pools.ordered("M", 0.51, "F", 0.49)),
                Map.of("feature", "ageBand", "shares", Pools.ordered("20대이하", 0.19, "30대", 0.18, "40대", 0.18, "50대", 0.19, "60대이상", 0.26)),
                Map.of("feature", "area", "shares", Pools.ordered("가선거구", 0.36, "나선거구", 0.33, "다선거구", 0.31)));
        JsonPath created = given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body(json(request(pool, 35, 5, null, proportional, null))).post(BASE)
                .then().statusCode(201)
                .body("status", equalTo("DRAWN")).body("selected", hasSize(35)).body("reserves", hasSize(5))
                .body("seed", notNullValue()).extract().jsonPath();

        // Quotas as resolved from the population shares: 35 × 0.51 = 17.85 → 17..18 men.
        assertTrue(created.getList("quotas.findAll { it.feature == 'sex' && it.value == 'M' }.min").contains(17));
        assertTrue(created.getList("quotas.findAll { it.feature == 'sex' && it.value == 'M' }.max").contains(18));
        Map<String, Volunteer> byId = new LinkedHashMap<>();
        pool.forEach(v -> byId.put(v.id(), v));
        List<String> selected = created.getList("selected");
        for (Map<String, Object> q : created.<Map<String, Object>>getList("quotas")) {
            long count = selected.stream().filter(id -> q.get("value").equals(byId.get(id).features().get((String) q.get("feature")))).count();
            assertTrue(count >= (Integer) q.get("min") && count <= (Integer) q.get("max"), q + " broken: " + count);
        }
        Set<String> overlap = new HashSet<>(selected);
        overlap.retainAll(created.getList("reserves"));
        assertTrue(overlap.isEmpty());

        String seed = created.getString("seed");
        assertEquals(Lottery.commitment(seed), created.getString("seedCommitment"));
        Map<String, Float> probabilities = created.getMap("selectionProbabilities");
        assertEquals(250, probabilities.size());
        assertEquals(35.0, probabilities.values().stream().mapToDouble(Float::doubleValue).sum(), 1e-3);

        String id = created.getString("id");
        given().auth().oauth2(TestTokens.cityAdmin()).get(BASE + "/" + id + "/verification").then().statusCode(200)
                .body("commitmentMatches", equalTo(true)).body("panelMatches", equalTo(true)).body("reservesMatches", equalTo(true));
        given().auth().oauth2(TestTokens.officer("11545")).get(BASE + "/" + id).then().statusCode(200)
                .body("pool", hasSize(250)).body("seed", equalTo(seed)).body("selected", equalTo(selected));
        // Same seed and stored inputs ⇒ same panel, recomputed here outside the service from the published distribution.
        JsonPath d = given().auth().oauth2(TestTokens.officer("11545")).get(BASE + "/" + id + "/distribution")
                .then().statusCode(200).extract().jsonPath();
        List<List<String>> types = d.getList("types");
        List<List<Integer>> compositions = d.getList("compositions");
        List<Double> weights = d.getList("probabilities", Double.class);
        PanelDistribution published = new PanelDistribution(types, compositions, weights, Map.of(), 0, List.of(), 0);
        // An immediate draw has no ceremony: its public value is empty, and published like the seed.
        assertEquals("", created.getString("publicValue"));
        String drawSeed = Lottery.drawSeed(seed, "");
        assertEquals(selected, Lottery.seat(published, published.compositionAt(Lottery.uniform(drawSeed, "panel")), drawSeed));
    }

    /**
     * Seed 004's 주민배심원 request: the pool with birth dates matching each volunteer's age band on 1 April 2021 (the
     * youngest band starts at 만 18세), 35 + 5 seats, proportional quotas, and a term of 1 April – 29 June (90 days).
     */
    static Map<String, Object> jury(List<Volunteer> pool, int panel, int reserves, String termEnd) {
        Map<String, String> bornIn = Map.of("20대이하", "2003-04-01", "30대", "1986-07-15", "40대", "1976-03-02",
                "50대", "1966-11-30", "60대이상", "1955-01-20");
        Map<String, Object> body = request(pool, panel, reserves, null, List.of(
                Map.of("feature", "sex", "shares", Pools.ordered("M", 0.51, "F", 0.49)),
                Map.of("feature", "ageBand", "shares", Pools.ordered("20대이하", 0.19, "30대", 0.18, "40대", 0.18, "50대", 0.19, "60대이상", 0.26)),
                Map.of("feature", "area", "shares", Pools.ordered("가선거구", 0.36, "나선거구", 0.33, "다선거구", 0.31))), null);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) body.get("pool");
        for (int i = 0; i < entries.size(); i++) {
            entries.get(i).put("birthDate", bornIn.get(pool.get(i).features().get("ageBand")));
        }
        body.put("citizensJury", Map.of("termStart", "2021-04-01", "termEnd", termEnd));
        return body;
    }

    @Test
    void seedCitizensJuryIsAdultsFromTwoToThreeHundredVolunteersServingAtMostNinetyDays() {
        String officer = TestTokens.officer("11545");
        List<Volunteer> pool = Pools.jury(250, 2021);
        String id = given().auth().oauth2(officer).contentType("application/json").body(json(jury(pool, 35, 5, "2021-06-29")))
                .post(BASE).then().statusCode(201).body("status", equalTo("DRAWN"))
                .body("selected", hasSize(35)).body("reserves", hasSize(5))
                .body("citizensJury.termStart", equalTo("2021-04-01")).body("citizensJury.termEnd", equalTo("2021-06-29"))
                .body("citizensJury.termDays", equalTo(90)).body("citizensJury.maxTermDays", equalTo(90))
                .body("pool.findAll { it.birthDate != null }", hasSize(0)).extract().path("id");
        given().auth().oauth2(officer).get(BASE + "/" + id).then().statusCode(200).body("citizensJury.termDays", equalTo(90))
                .body("pool", hasSize(250)).body("toString()", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("2003-04-01")));

        // Each seed figure, one past its bound: a 91-day term, 199 and 301 volunteers, 36 jurors, 4 reserves.
        given().auth().oauth2(officer).contentType("application/json").body(json(jury(pool, 35, 5, "2021-06-30")))
                .post(BASE).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("citizensJury.termEnd")).body("errors[0].message", org.hamcrest.Matchers.containsString("at most 90 days (got 91)"));
        given().auth().oauth2(officer).contentType("application/json").body(json(jury(pool.subList(0, 199), 35, 5, "2021-06-29")))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("pool"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("200–300 volunteers (got 199)"));
        given().auth().oauth2(officer).contentType("application/json").body(json(jury(Pools.jury(301, 7), 35, 5, "2021-06-29")))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("pool"));
        given().auth().oauth2(officer).contentType("application/json").body(json(jury(pool, 36, 5, "2021-06-29")))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("panelSize"));
        given().auth().oauth2(officer).contentType("application/json").body(json(jury(pool, 35, 4, "2021-06-29")))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("reserves"));

        // 만 18세 on the first day: born 2 April 2003 is 17 on 1 April 2021; a missing birth date is refused too.
        Map<String, Object> minor = jury(pool, 35, 5, "2021-06-29");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> entries = (List<Map<String, Object>>) minor.get("pool");
        entries.get(17).put("birthDate", "2003-04-02");
        given().auth().oauth2(officer).contentType("application/json").body(json(minor)).post(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("pool[17].birthDate")).body("errors[0].message", org.hamcrest.Matchers.containsString("(aged 17)"));
        entries.get(17).remove("birthDate");
        given().auth().oauth2(officer).contentType("application/json").body(json(minor)).post(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("pool[17].birthDate"));
    }

    /**
     * Issue 23: before the draw the service stores only the seed's commitment (the officer holds the seed), and the
     * draw mixes in a public value fixed at the ceremony, so nothing stored before it tells the panel; afterwards
     * the published seed and public value reproduce the panel outside the service.
     */
    @Test
    void beforeTheDrawOnlyTheCommitmentIsStoredAndThePublishedValuesReproduceThePanel() {
        List<Volunteer> pool = Pools.jury(40, 11);
        String officer = TestTokens.officer("11545");
        JsonPath created = given().auth().oauth2(officer).contentType("application/json")
                .body(json(request(pool, 10, 2, List.of(quota("sex", "F", 4, 6)), null, false))).post(BASE)
                .then().statusCode(201).body("status", equalTo("COMMITTED")).body("seed", nullValue()).body("publicValue", nullValue())
                .body("selected", nullValue()).body("seedCommitment", notNullValue()).extract().jsonPath();
        String id = created.getString("id");
        String seed = created.getString("sealedSeed");
        assertTrue(seed.matches("[0-9a-f]{64}"), seed);
        assertEquals(Lottery.commitment(seed), created.getString("seedCommitment"));

        // What a database reader has before the draw: no seed anywhere in the row, and the answers no longer show it.
        String row = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select cast(row_to_json(s) as text) from sortition s where id = ?1")
                .setParameter(1, java.util.UUID.fromString(id)).getSingleResult());
        assertFalse(row.contains(seed), row);
        given().auth().oauth2(officer).get(BASE + "/" + id).then().statusCode(200).body("seed", nullValue()).body("sealedSeed", nullValue());
        given().auth().oauth2(officer).get(BASE + "/" + id + "/verification").then().statusCode(409).contentType("application/problem+json");
        // Even with the seed, the panel is open until the public value is fixed: other values give other panels.
        JsonPath d = given().auth().oauth2(officer).get(BASE + "/" + id + "/distribution").then().statusCode(200).extract().jsonPath();
        PanelDistribution published = new PanelDistribution(d.getList("types"), d.getList("compositions"),
                d.getList("probabilities", Double.class), Map.of(), 0, List.of(), 0);
        Set<List<String>> panels = new HashSet<>();
        for (int value = 1; value <= 8; value++) {
            String drawSeed = Lottery.drawSeed(seed, Integer.toString(value));
            panels.add(Lottery.seat(published, published.compositionAt(Lottery.uniform(drawSeed, "panel")), drawSeed));
        }
        assertTrue(panels.size() > 4, "8 public values gave only " + panels.size() + " panels");

        // The ceremony: a seed that is not the committed one, or no public value, draws nothing.
        String draw = BASE + "/" + id + "/draw";
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("seed", Lottery.newSeed(), "publicValue", "3-14-15"))
                .post(draw).then().statusCode(422).body("errors[0].field", equalTo("seed"));
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("seed", seed))
                .post(draw).then().statusCode(422).body("errors[0].field", equalTo("publicValue"));
        given().auth().oauth2(officer).get(BASE + "/" + id).then().body("status", equalTo("COMMITTED"));
        String publicValue = "07-19-23-31-42-45";
        List<String> selected = given().auth().oauth2(officer).contentType("application/json")
                .body(Map.of("seed", seed.toUpperCase(java.util.Locale.ROOT), "publicValue", publicValue)).post(draw)
                .then().statusCode(200).body("status", equalTo("DRAWN")).body("selected", hasSize(10))
                .body("seed", equalTo(seed)).body("publicValue", equalTo(publicValue)).body("sealedSeed", nullValue())
                .extract().path("selected");
        String drawSeed = Lottery.drawSeed(seed, publicValue);
        assertEquals(selected, Lottery.seat(published, published.compositionAt(Lottery.uniform(drawSeed, "panel")), drawSeed));
        given().get(BASE + "?district=11545&size=100").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.publicValue", equalTo(publicValue))
                .body("items.find { it.id == '" + id + "' }.seed", equalTo(seed));
        given().auth().oauth2(officer).get(BASE + "/" + id + "/verification").then().statusCode(200)
                .body("commitmentMatches", equalTo(true)).body("panelMatches", equalTo(true)).body("reservesMatches", equalTo(true));
        given().auth().oauth2(officer).contentType("application/json").body(Map.of("seed", seed, "publicValue", publicValue))
                .post(draw).then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void infeasibleQuotasAre422NamingTheConflict() {
        List<Volunteer> pool = Pools.jury(60, 3);
        given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json")
                .body(json(request(pool, 20, 0, List.of(quota("sex", "F", 12, 20), quota("sex", "M", 12, 20),
                        quota("area", "가선거구", 0, 20)), null, null))).post(BASE)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("quotas"))
                .body("conflictingQuotas", equalTo(List.of("sex=F min 12", "sex=M min 12")));
    }

    @Test
    void badInputIsProblemJsonNamingTheField() {
        List<Volunteer> pool = Pools.jury(20, 5);
        String officer = TestTokens.officer("11545");
        given().auth().oauth2(officer).contentType("application/json")
                .body(json(request(pool, 5, 0, null, List.of(Map.of("feature", "sex", "shares", Map.of("M", 0.5, "F", 0.3))), null)))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("proportionalQuotas[0].shares"));
        given().auth().oauth2(officer).contentType("application/json")
                .body(json(request(pool, 5, 0, List.of(quota("sex", "F", 4, 2)), null, null)))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("quotas[0].min"));
        List<Volunteer> twice = new ArrayList<>(pool);
        twice.add(pool.get(0));
        given().auth().oauth2(officer).contentType("application/json").body(json(request(twice, 5, 0, null, null, null)))
                .post(BASE).then().statusCode(422).body("errors[0].field", equalTo("pool[20].id"));
        given().auth().oauth2(officer).contentType("application/json").body("{\"district\":\"11545\",\"pool\":[]}")
                .post(BASE).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("panelSize")).body("errors.field", hasItem("pool")).body("errors.field", hasItem("title"));
        given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json")
                .body(json(request(pool, 0, 0, null, null, null)).replace("11545", "99999"))
                .post(BASE).then().statusCode(422).body("errors.field", hasItem("district")).body("errors.field", hasItem("panelSize"));
        given().auth().oauth2(officer).contentType("application/json")
                .body(json(request(pool, 30, 0, null, null, null))).post(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("quotas"));
        given().auth().oauth2(officer).get(BASE + "/" + java.util.UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(officer).get(BASE + "/not-a-uuid").then().statusCode(400).body("errors[0].field", equalTo("id"));
    }

    @Test
    void onlyTheDistrictsOfficerOrCityAdminMayDrawOrRead() {
        List<Volunteer> pool = Pools.jury(20, 9);
        String body = json(request(pool, 5, 1, null, null, null));
        given().contentType("application/json").body(body).post(BASE).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.resident("r1", "11545", "독산1동", 1990, "F")).contentType("application/json").body(body)
                .post(BASE).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.officer("11110")).contentType("application/json").body(body)
                .post(BASE).then().statusCode(403).contentType("application/problem+json");
        String id = given().auth().oauth2(TestTokens.officer("11545")).contentType("application/json").body(body)
                .post(BASE).then().statusCode(201).extract().path("id");
        given().auth().oauth2(TestTokens.officer("11110")).get(BASE + "/" + id).then().statusCode(403);
        given().get(BASE + "/" + id).then().statusCode(401);
        given().auth().oauth2(TestTokens.cityAdmin()).get(BASE + "/" + id).then().statusCode(200);
    }

    @Test
    void publicListIsPagedPerDistrictWithoutVolunteers() {
        String body = json(request(Pools.jury(12, 21), 4, 1, null, null, null));
        String mapo = body.replace("\"11545\"", "\"11440\"");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.cityAdmin()).contentType("application/json").body(mapo).post(BASE).then().statusCode(201);
        }
        String committed = json(request(Pools.jury(12, 21), 4, 1, null, null, false)).replace("\"11545\"", "\"11440\"");
        String latest = given().auth().oauth2(TestTokens.officer("11440")).contentType("application/json").body(committed)
                .post(BASE).then().statusCode(201).extract().path("id");
        JsonPath page = given().queryParam("district", "11440").queryParam("size", 3).get(BASE)
                .then().statusCode(200).body("total", equalTo(4)).body("items", hasSize(3)).extract().jsonPath();
        assertEquals(latest, page.getString("items[0].id"));
        assertEquals(12, page.getInt("items[0].poolSize"));
        String text = given().queryParam("district", "11440").queryParam("page", 1).queryParam("size", 3).get(BASE)
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].district", equalTo("11440"))
                .body("items[0].seed", notNullValue()).extract().asString();
        for (String hidden : List.of("\"pool\"", "selected", "\"reserves\"", "selectionProbabilities", "v000")) {
            assertTrue(!text.contains(hidden), hidden + " in public list: " + text);
        }
        given().queryParam("district", "99999").get(BASE).then().statusCode(422).contentType("application/problem+json");
        given().queryParam("size", 0).get(BASE).then().statusCode(422).contentType("application/problem+json");
    }
}
