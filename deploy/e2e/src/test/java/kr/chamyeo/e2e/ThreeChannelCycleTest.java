package kr.chamyeo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.e2e.support.Api;
import kr.chamyeo.e2e.support.Http;
import kr.chamyeo.e2e.support.OpenApi;
import kr.chamyeo.e2e.support.Stack;
import kr.chamyeo.e2e.support.StackExtension;
import kr.chamyeo.e2e.support.Tokens;
import kr.chamyeo.verifier.Report;
import kr.chamyeo.verifier.Verifier;

/**
 * Issue 22, more than two channels, end to end through the gateway: a cycle with Seoul 2018's three weighted
 * electorates (시민 전자투표 50% + 시민참여예산위원 40% + 예산학교 수료자 10%), whose 총회 opens one ballot per electorate
 * at voting-service by events, where residents, committee members and school members vote; the trustees count each
 * ballot when it closes, budget-service decides once all three are in, and the outcome is the one the weights give,
 * not the one counting every voter alike would give (the same votes, exported and simulated as one electorate).
 */
@ExtendWith(StackExtension.class)
class ThreeChannelCycleTest {

    private static final String GEUMCHEON = Tokens.GEUMCHEON;
    private static final String GANGNAM = "11680";
    private static final long M = 1_000_000L;

    /**
     * The instance, computed by hand (budget 100백만원; Equal Shares with cost utilities and the add1 completion; ties go to
     * the earlier proposal, so A1 before A2 before A3):
     * <ul>
     *   <li>12 e-voters approve A1, A2, A3 (30백만 each), 4 committee members C (40백만), 2 school members S (10백만).</li>
     *   <li>Weighted, for a virtual total T: each e-voter holds 50% × T ÷ 12, each member 40% × T ÷ 4, each school member
     *       10% × T ÷ 2. At T = 100백만: 4.17백만 each e-voter — A1 costs them 2.5백만 each (price per unit of benefit
     *       2.5/30 = 0.083, the lowest), then A2 is beyond what they hold (12 × 1.67 = 20 &lt; 30); the members hold 40 and buy C
     *       (0.25), the school members 10 and buy S (0.5): A1, C, S = 80백만. The completion raises T: A2 becomes affordable
     *       at T = 120백만 (5백만 each e-voter), and then A1, A2, C, S = 110백만 exceed the budget, so A1, C, S is kept;
     *       each electorate decided what it paid: 30, 40 and 10백만; 20백만 left over.</li>
     *   <li>Unweighted (the 18 voters as one electorate, T ÷ 18 each): at T = 100백만 the e-voters hold 66.7 and buy A1 and
     *       A2, the school members 11.1 and buy S, the members' 22.2 cannot pay for C: 70백만. At T = 135백만 (7.5 each) the
     *       e-voters also buy A3: A1, A2, A3, S = 100백만, within the budget; C only at T = 180백만 (10 each), 140백만 in all,
     *       over it. So counting every voter alike adopts A1, A2, A3, S and not C.</li>
     * </ul>
     */
    @Test
    void seoul2018ThreeChannelsDecideByTheirWeightsWhatCountingEveryVoterAlikeWouldNot(Stack stack, Api api) {
        String officer = api.tokens().officer(GEUMCHEON);
        String budget = stack.gateway() + "/api/v1/budget";
        long cycle = createCycle(budget, officer);
        JsonNode created = Http.get(budget + "/cycles/" + cycle, null).json();
        assertEquals(List.of("EVOTE", "COMMITTEE", "SCHOOL"), texts(created.path("electorates"), "code"), created::toString);

        Map<String, Long> projects = new LinkedHashMap<>();
        String[][] proposals = {{"A1", "독산동 작은도서관 확충", "30"}, {"A2", "시흥동 근린공원 정비", "30"},
                {"A3", "가산동 어린이 놀이터 개선", "30"}, {"C", "골목길 방범등 설치", "40"}, {"S", "청소년 진로 교실", "10"}};
        for (int i = 0; i < proposals.length; i++) {
            Http.Reply r = Http.post(budget + "/cycles/" + cycle + "/proposals", api.tokens().resident(GEUMCHEON, 2018 + i),
                    Map.of("title", proposals[i][1], "description", proposals[i][1] + " 사업 설명", "subcommitteeCode", "life",
                            "dong", Tokens.dongOf(i), "requestedAmount", Long.parseLong(proposals[i][2]) * M, "eventType", false,
                            "contact", Map.of("name", "제안자", "phone", "010-1234-5678")));
            assertEquals(201, r.status(), r.toString());
            projects.put(proposals[i][0], r.json().path("id").asLong());
        }
        // 강남구's officer cannot review 금천구's proposals; 금천구's officer reviews each at its requested cost.
        Http.Reply foreign = review(budget, cycle, projects.get("A1"), api.tokens().officer(GANGNAM), 30 * M);
        assertEquals(403, foreign.status(), foreign.toString());
        for (String[] p : proposals) {
            Http.Reply reviewed = review(budget, cycle, projects.get(p[0]), officer, Long.parseLong(p[2]) * M);
            assertEquals(200, reviewed.status(), reviewed.toString());
            Http.Reply passed = Http.post(budget + "/cycles/" + cycle + "/proposals/" + projects.get(p[0]) + "/pre-review", officer,
                    Map.of("decision", "PASS"));
            assertEquals(200, passed.status(), passed.toString());
        }
        Http.Reply forwarded = Http.post(budget + "/cycles/" + cycle + "/subcommittees/life/forwarding", officer,
                Map.of("proposalIds", List.copyOf(projects.values())));
        assertEquals(200, forwarded.status(), forwarded.toString());

        // 총회: one BallotRequested per electorate; voting-service opens the three ballots and tells budget-service.
        Http.Reply assembly = Http.post(budget + "/cycles/" + cycle + "/assembly", officer,
                Map.of("maxChoices", Map.of("EVOTE", 3, "SCHOOL", 1)));
        assertEquals(200, assembly.status(), assembly.toString());
        Map<String, String> ballots = new HashMap<>();
        Awaitility.await("three ballots opened by events").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ballots.clear();
                    Http.get(budget + "/cycles/" + cycle + "/assembly", officer).json().path("ballots").forEach(b -> {
                        if (b.path("ballotId").isTextual()) {
                            ballots.put(b.path("electorate").asText(), b.path("ballotId").asText());
                        }
                    });
                    return ballots.size() == 3;
                });
        JsonNode school = Http.get(stack.gateway() + "/api/v1/voting/ballots/" + ballots.get("SCHOOL"), null).json();
        assertTrue(school.path("title").asText().contains("예산학교 수료자"), school::toString);
        assertEquals(1, school.path("rule").path("maxChoices").asInt(), school::toString);

        String a1 = "p-" + projects.get("A1");
        String a2 = "p-" + projects.get("A2");
        String a3 = "p-" + projects.get("A3");
        vote(stack, ballots.get("EVOTE"), 12, i -> api.tokens().resident("evote-2018-" + i, GEUMCHEON, Tokens.dongOf(i),
                1960 + i * 3, i % 2 == 0 ? "F" : "M"), List.of(a1, a2, a3));
        vote(stack, ballots.get("COMMITTEE"), 4, i -> api.tokens().committee(GEUMCHEON, "committee-2018-" + i),
                List.of("p-" + projects.get("C")));
        vote(stack, ballots.get("SCHOOL"), 2, i -> api.tokens().resident("school-2018-" + i, GEUMCHEON, Tokens.dongOf(i),
                1985 + i, "F"), List.of("p-" + projects.get("S")));
        // The committee's ballot admits committee members only; 강남구's officer cannot close 금천구's ballots.
        Http.Reply resident = Http.post(stack.gateway() + "/api/v1/voting/ballots/" + ballots.get("COMMITTEE") + "/votes",
                api.tokens().resident("evote-2018-0", GEUMCHEON, Tokens.dongOf(0), 1960, "F"), Map.of("choices", List.of("p-" + projects.get("C"))));
        assertEquals(403, resident.status(), resident.toString());
        Http.Reply closedByGangnam = close(stack, ballots.get("EVOTE"), api.tokens().officer(GANGNAM));
        assertEquals(403, closedByGangnam.status(), closedByGangnam.toString());

        // The trustees count each ballot as it closes; budget-service decides once the three boxes are in.
        for (String code : List.of("EVOTE", "COMMITTEE", "SCHOOL")) {
            Http.Reply closed = close(stack, ballots.get(code), officer);
            assertTrue(closed.status() == 200 || closed.status() == 409, closed.toString());
        }
        JsonNode[] out = new JsonNode[1];
        Awaitility.await("results from the three ballot boxes").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Http.Reply r = Http.get(budget + "/cycles/" + cycle + "/results", null);
                    out[0] = r.json();
                    return r.status() == 200 && out[0].path("projects").size() == 5;
                });
        JsonNode results = out[0];
        assertEquals("EQUAL_SHARES", results.path("rule").asText());
        assertEquals(List.of("EVOTE", "COMMITTEE", "SCHOOL"), texts(results.path("electorates"), "electorate"), results::toString);
        assertEquals(List.of(50, 40, 10), ints(results.path("electorates"), "weight"), results::toString);
        assertEquals(List.of(12, 4, 2), ints(results.path("electorates"), "voters"), results::toString);
        Map<String, JsonNode> byKey = new HashMap<>();
        results.path("projects").forEach(p -> projects.forEach((key, id) -> {
            if (p.path("proposalId").asLong() == id) {
                byKey.put(key, p);
            }
        }));
        // Scores Σ weight × share: every e-voter chose the A's (50), every member C (40), every school member S (10).
        assertEquals(50.0, byKey.get("A3").path("score").asDouble(), byKey.get("A3")::toString);
        assertEquals(40.0, byKey.get("C").path("score").asDouble(), byKey.get("C")::toString);
        assertEquals(10.0, byKey.get("S").path("score").asDouble(), byKey.get("S")::toString);
        assertEquals(List.of(0, 0, 2), ints(byKey.get("S").path("electorates"), "votes"), byKey.get("S")::toString);
        assertEquals("청소년 진로 교실", byKey.get("S").path("title").asText());
        List<String> adopted = new ArrayList<>();
        byKey.forEach((key, p) -> {
            if (p.path("adopted").asBoolean()) {
                adopted.add(key);
            }
        });
        adopted.sort(null);
        assertEquals(List.of("A1", "C", "S"), adopted, results::toString);
        assertEquals(80 * M, results.path("adoptedAmount").asLong());
        assertEquals(20 * M, results.path("leftover").asLong());
        JsonNode proportionality = results.path("proportionality");
        assertEquals(List.of(30 * M, 40 * M, 10 * M), longs(proportionality.path("electorates"), "decidedAmount"), proportionality::toString);
        assertEquals("SATISFIED", proportionality.path("ejr").path("status").asText(), proportionality::toString);
        assertTrue(proportionality.path("account").path("summaryKo").asText().contains("예산학교 수료자 2명 각 5,000,000원"),
                proportionality.path("account")::toString);

        // The same votes counted as one electorate: the cycle's export is a Pabulib file of its 18 voters, and simulating
        // Equal Shares on it gives the unweighted outcome computed above — C, the committee's 40%, is not bought.
        String pb = api.anonymous().accept("text/plain").get("/api/v1/budget/cycles/" + cycle + "/export.pb").then().statusCode(200)
                .extract().asString();
        JsonNode unweighted = json(api.as(api.tokens().resident(GEUMCHEON, 2030)).contentType("text/plain; charset=UTF-8")
                .body(pb).post("/api/v1/budget/simulations?rule=EQUAL_SHARES").then().statusCode(200).extract().asString());
        assertEquals(18, unweighted.path("voters").asInt(), unweighted::toString);
        assertEquals(List.of(projects.get("A1"), projects.get("A2"), projects.get("A3"), projects.get("S")),
                texts(unweighted.path("selected"), "projectId").stream().map(Long::valueOf).sorted().toList(), unweighted::toString);
        assertEquals(100 * M, unweighted.path("totalSpent").asLong());
        assertFalse(unweighted.path("matchesFileSelection").asBoolean(), "the file's selected column is the weighted outcome");

        // 검증: each channel's count by the trustees checks out from its public election record alone.
        for (String code : List.of("EVOTE", "COMMITTEE", "SCHOOL")) {
            JsonNode record = Http.get(stack.gateway() + "/api/v1/voting/ballots/" + ballots.get(code) + "/record", null).json();
            Report report = Verifier.verify(record);
            assertTrue(report.passed(), "the election record of " + code + " verifies: " + report.failures());
        }
        System.out.printf("[three channels] 50/40/10: A1, C, S adopted for %,d원 (%s decided by channel); counted as one "
                        + "electorate: A1, A2, A3, S for %,d원%n", results.path("adoptedAmount").asLong(),
                longs(proportionality.path("electorates"), "decidedAmount"), unweighted.path("totalSpent").asLong());
    }

    private static long createCycle(String budget, String officer) {
        String today = LocalDate.now(ZoneId.of("Asia/Seoul")).toString();
        Map<String, Object> body = new HashMap<>(Map.of("district", GEUMCHEON, "fiscalYear", 2018, "kind", "RESIDENT",
                "title", "2018년 금천구 주민참여예산 (3개 투표 채널)", "totalAmount", 100 * M, "ordinaryCap", 40 * M, "eventCap", 20 * M,
                "subcommittees", List.of(Map.of("code", "life", "name", "생활분과", "ceiling", 110 * M)),
                "rule", "EQUAL_SHARES"));
        body.put("electorates", List.of(
                Map.of("code", "EVOTE", "name", "시민 전자투표", "weight", 50, "requiredRole", "RESIDENT"),
                Map.of("code", "COMMITTEE", "name", "시민참여예산위원", "weight", 40, "requiredRole", "COMMITTEE"),
                Map.of("code", "SCHOOL", "name", "예산학교 수료자", "weight", 10, "requiredRole", "RESIDENT")));
        body.put("phases", Map.of("intakeFrom", today, "intakeTo", today, "reviewTo", today, "assemblyFrom", today, "assemblyTo", today));
        Http.Reply r = Http.post(budget + "/cycles", officer, body);
        assertEquals(201, r.status(), r.toString());
        return r.json().path("id").asLong();
    }

    private static Http.Reply review(String budget, long cycle, long proposal, String officer, long amount) {
        return Http.post(budget + "/cycles/" + cycle + "/proposals/" + proposal + "/department-review", officer,
                Map.of("department", "기획예산과", "decision", "ACCEPT", "opinion", "사업 타당성 있음", "amount", amount));
    }

    private static void vote(Stack stack, String ballot, int voters, IntFunction<String> token, List<String> choices) {
        for (int i = 0; i < voters; i++) {
            Http.Reply r = Http.post(stack.gateway() + "/api/v1/voting/ballots/" + ballot + "/votes", token.apply(i),
                    Map.of("choices", choices));
            assertEquals(201, r.status(), r.toString());
        }
    }

    private static Http.Reply close(Stack stack, String ballot, String officer) {
        return Http.post(stack.gateway() + "/api/v1/voting/ballots/" + ballot + "/close", officer,
                Map.of("reason", "시나리오: 세 채널 투표 종료 (e2e)"));
    }

    private static JsonNode json(String text) {
        try {
            return OpenApi.JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(text, e);
        }
    }

    private static List<String> texts(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asText()));
        return out;
    }

    private static List<Integer> ints(JsonNode list, String field) {
        List<Integer> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asInt()));
        return out;
    }

    private static List<Long> longs(JsonNode list, String field) {
        List<Long> out = new ArrayList<>();
        list.forEach(n -> out.add(n.path(field).asLong()));
        return out;
    }
}
