package kr.chamyeo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.e2e.support.Api;
import kr.chamyeo.e2e.support.Http;
import kr.chamyeo.e2e.support.Stack;
import kr.chamyeo.e2e.support.StackExtension;
import kr.chamyeo.e2e.support.Tokens;
import kr.chamyeo.verifier.Report;
import kr.chamyeo.verifier.Verifier;

/**
 * The suite run the way a district runs it, through the gateway only, with a token for each role:
 * Geumcheon's 2021 resident cycle (10억원, caps 1억/2천만) from 125 proposals to 39 adopted projects and
 * 1,256 voters in the statistics; a YOUTH cycle whose execution the youth-governance side sees; a dong's
 * residents' meeting adopting agenda items; an autonomy council drawn by governance and seated by community.
 */
@ExtendWith(StackExtension.class)
class CityScenarioTest {

    private static final String GEUMCHEON = Tokens.GEUMCHEON;
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** Every accepted project is refined to this cost: 39 fit in 10억 (994.5백만), a 40th does not. */
    private static final long REFINED = 25_500_000L;

    @Test
    void geumcheon2021ResidentCycleFrom125ProposalsTo39AdoptedProjectsAnd1256Voters(Stack stack, Api api) {
        Budget budget = new Budget(stack, api);
        long cycle = budget.createCycle(2021, "RESIDENT", "2021년 금천구 주민참여예산", 1_000_000_000L);

        // 125 proposals: 100 from residents (주민참여형), 25 absorbed by officers from other channels (일반참여형).
        String[] channels = {"금천1번가", "주민제안제도", "주민자치회"};
        List<Long> proposals = new ArrayList<>();
        for (int i = 0; i < 125; i++) {
            boolean event = i >= 50 && i < 100 && i % 10 == 9;
            long requested = event ? 15_000_000L : 30_000_000L + (i % 7) * 10_000_000L;
            String token = i < 100 ? api.tokens().resident(GEUMCHEON, i) : api.tokens().officer(GEUMCHEON);
            proposals.add(budget.propose(cycle, token, "제안 " + (i + 1) + " " + Tokens.dongOf(i) + " 생활환경 개선",
                    Budget.SUBCOMMITTEES[i % 4], Tokens.dongOf(i), requested, event, i < 100 ? null : channels[i % 3]));
        }
        // Caps are enforced at the door: 1억 for ordinary projects, 2천만 for event-type ones.
        Http.Reply overCap = budget.proposeReply(cycle, api.tokens().resident(GEUMCHEON, 500), "상한 초과 제안",
                Budget.SUBCOMMITTEES[0], "독산1동", 100_000_001L, false, null);
        assertEquals(422, overCap.status(), overCap.toString());
        Http.Reply overEventCap = budget.proposeReply(cycle, api.tokens().resident(GEUMCHEON, 501), "행사 상한 초과",
                Budget.SUBCOMMITTEES[0], "독산1동", 20_000_001L, true, null);
        assertEquals(422, overEventCap.status(), overEventCap.toString());

        // 1차 부서검토: 60 accepted at the refined cost (50 residents' and 10 absorbed), the rest rejected;
        // 2차 사전검토: 10 returned for supplement, re-reviewed by the department and passed on the second round.
        List<Long> accepted = new ArrayList<>(proposals.subList(0, 50));
        accepted.addAll(proposals.subList(100, 110));
        for (long p : proposals) {
            budget.departmentReview(cycle, p, accepted.contains(p));
        }
        for (int i = 0; i < accepted.size(); i++) {
            budget.preReview(cycle, accepted.get(i), i % 6 != 5);
        }
        for (int i = 0; i < accepted.size(); i++) {
            if (i % 6 == 5) {
                budget.departmentReview(cycle, accepted.get(i), true);
                budget.preReview(cycle, accepted.get(i), true);
            }
        }
        // 3차 분과심의: each subcommittee forwards 12 projects (306백만 ≤ 130% of its 250백만 ceiling); a 13th would
        // break the 130% rule and is refused.
        Map<String, List<Long>> bySubcommittee = new HashMap<>();
        for (int i = 0; i < proposals.size(); i++) {
            if (accepted.contains(proposals.get(i))) {
                bySubcommittee.computeIfAbsent(Budget.SUBCOMMITTEES[i % 4], k -> new ArrayList<>()).add(proposals.get(i));
            }
        }
        Http.Reply tooMuch = budget.forwardReply(cycle, Budget.SUBCOMMITTEES[0], bySubcommittee.get(Budget.SUBCOMMITTEES[0]).subList(0, 13));
        assertEquals(422, tooMuch.status(), "forwarding beyond 130% of the ceiling: " + tooMuch);
        List<Long> forwarded = new ArrayList<>();
        for (String code : Budget.SUBCOMMITTEES) {
            List<Long> chosen = bySubcommittee.get(code).subList(0, 12);
            budget.forward(cycle, code, chosen);
            forwarded.addAll(chosen);
        }

        // 총회: the ballots are opened by events (BallotRequested → voting-service → BallotOpened → budget).
        Map<String, String> ballots = budget.openAssembly(cycle, 5);
        String residentsBallot = ballots.get("RESIDENTS");
        String committeeBallot = ballots.get("COMMITTEE");

        // 1,256 distinct residents and 40 committee members vote; a second vote by the same resident is refused.
        castVotes(stack, residentsBallot, 1256, i -> api.tokens().resident(GEUMCHEON, 10_000 + i), forwarded);
        Http.Reply again = vote(stack, residentsBallot, api.tokens().resident(GEUMCHEON, 10_000), List.of("p-" + forwarded.get(0)));
        assertEquals(409, again.status(), again.toString());
        castVotes(stack, committeeBallot, 40, i -> api.tokens().committee(GEUMCHEON, "committee-2021-" + i), forwarded);

        budget.close(residentsBallot);
        budget.close(committeeBallot);
        JsonNode results = budget.awaitResults(cycle);
        assertEquals(1256, results.path("residentVoters").asInt());
        assertEquals(40, results.path("committeeVoters").asInt());
        assertEquals(50, results.path("residentWeight").asInt());
        assertEquals(50, results.path("committeeWeight").asInt());
        List<JsonNode> adopted = new ArrayList<>();
        results.path("projects").forEach(p -> {
            if (p.path("adopted").asBoolean()) {
                adopted.add(p);
            }
        });
        assertEquals(39, adopted.size(), "39 projects fit in 10억 at 25.5백만 each");
        long adoptedAmount = adopted.stream().mapToLong(p -> p.path("amount").asLong()).sum();
        assertEquals(adoptedAmount, results.path("adoptedAmount").asLong());
        assertTrue(adoptedAmount <= 1_000_000_000L, "adopted within the total: " + adoptedAmount);
        assertEquals(1_000_000_000L - adoptedAmount, results.path("leftover").asLong());

        // 검증: anyone can check both ballots' counts from their public election records alone.
        for (String ballot : List.of(residentsBallot, committeeBallot)) {
            JsonNode record = Http.get(stack.gateway() + "/api/v1/voting/ballots/" + ballot + "/record", null).json();
            Report report = Verifier.verify(record);
            report.checks().forEach(check -> System.out.println("[verifier] " + check.line()));
            assertTrue(report.passed(), "the election record of " + ballot + " verifies: " + report.failures());
        }

        // 집행: reports on the adopted projects.
        for (int i = 0; i < 3; i++) {
            budget.reportExecution(cycle, adopted.get(i).path("proposalId").asLong(), REFINED / 2, REFINED / 4, "IN_PROGRESS");
        }
        JsonNode execution = Http.get(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/execution", api.tokens().officer(GEUMCHEON)).json();
        assertEquals(39, execution.path("projects").asInt(), execution.toString());

        // 추진현황: the live cycle's 2021 figures, beside (not instead of) the imported record of the same year.
        Http.Reply stats = Http.get(stack.gateway() + "/api/v1/budget/districts/" + GEUMCHEON + "/statistics?from=2021&to=2021", null);
        assertEquals(200, stats.status(), stats.toString());
        JsonNode year = null;
        for (JsonNode entry : stats.json()) {
            if (!entry.path("imported").asBoolean()) {
                year = entry;
            }
        }
        assertNotNull(year, "a live 2021 entry beside the record: " + stats);
        assertEquals(125, year.path("proposals").asInt(), year.toString());
        assertEquals(39, year.path("adopted").asInt(), year.toString());
        assertEquals(1256, year.path("mobileVoters").asInt(), year.toString());
        System.out.printf("[scenario] 2021 금천구: %d proposals, %d forwarded, %d adopted for %,d원 (leftover %,d원), %d residents + %d committee voted%n",
                year.path("proposals").asInt(), forwarded.size(), adopted.size(), adoptedAmount, results.path("leftover").asLong(),
                results.path("residentVoters").asInt(), results.path("committeeVoters").asInt());
    }

    @Test
    void youthCycleExecutionIsSeenByYouthGovernance(Stack stack, Api api) {
        Budget budget = new Budget(stack, api);
        long cycle = budget.createCycle(2022, "YOUTH", "2022년 금천구 청년자율예산", 300_000_000L);
        List<Long> proposals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String youth = api.tokens().resident("youth-" + i, GEUMCHEON, Tokens.dongOf(i), 1998, i % 2 == 0 ? "F" : "M");
            proposals.add(budget.propose(cycle, youth, "청년 정책 사업 " + (i + 1), Budget.SUBCOMMITTEES[i % 4], Tokens.dongOf(i),
                    30_000_000L, false, null));
        }
        for (long p : proposals) {
            budget.departmentReview(cycle, p, true);
            budget.preReview(cycle, p, true);
        }
        for (int i = 0; i < 4; i++) {
            budget.forward(cycle, Budget.SUBCOMMITTEES[i], List.of(proposals.get(i)));
        }
        Map<String, String> ballots = budget.openAssembly(cycle, 2);
        // Youth ballots admit residents aged 19–39 only.
        Http.Reply tooOld = vote(stack, ballots.get("RESIDENTS"), api.tokens().resident("elder-1", GEUMCHEON, "독산1동", 1950, "F"),
                List.of("p-" + proposals.get(0)));
        assertEquals(403, tooOld.status(), tooOld.toString());
        castVotes(stack, ballots.get("RESIDENTS"), 30,
                i -> api.tokens().resident("youth-voter-" + i, GEUMCHEON, Tokens.dongOf(i), 1990 + i % 10, i % 2 == 0 ? "F" : "M"), proposals);
        castVotes(stack, ballots.get("COMMITTEE"), 5, i -> api.tokens().committee(GEUMCHEON, "youth-committee-" + i), proposals);
        budget.close(ballots.get("RESIDENTS"));
        budget.close(ballots.get("COMMITTEE"));
        JsonNode results = budget.awaitResults(cycle);
        JsonNode first = null;
        for (JsonNode p : results.path("projects")) {
            if (p.path("adopted").asBoolean()) {
                first = p;
                break;
            }
        }
        assertTrue(first != null, "a youth project adopted: " + results);
        long project = first.path("proposalId").asLong();
        budget.reportExecution(cycle, project, REFINED, 12_000_000L, "IN_PROGRESS");

        Awaitility.await("governance sees the youth cycle's execution").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    Http.Reply r = Http.get(stack.gateway() + "/api/v1/governance/youth-budget/execution?fiscalYear=2022",
                            api.tokens().cityAdmin());
                    return r.status() == 200 && r.text().contains("12000000");
                });
    }

    @Test
    void dongResidentsMeetingAdoptsAgendaItemsAndCouncilIsDrawnAndSeated(Stack stack, Api api) {
        String officer = api.tokens().officer(GEUMCHEON);
        String dong = "독산1동";
        Http.Reply council = Http.post(stack.gateway() + "/api/v1/community/councils", officer,
                Map.of("district", GEUMCHEON, "dong", dong, "rolloutYear", 2019, "seats", 30, "reserves", 5));
        assertEquals(201, council.status(), council.toString());
        String councilId = council.json().path("id").asText();

        // 위원 공개모집: 60 residents of the dong, each with the 6 hours of 주민자치학교 the council requires, apply;
        // governance draws 30 + 5 under community's quotas. They are 41 to 64 in the lottery year, so "40대 이하 15% 이상"
        // can be met only by the 41–49-year-olds: read as "40 or under", the quota would have nobody to draw.
        int lotteryYear = Year.now(ZoneOffset.UTC).getValue();
        for (int i = 0; i < 60; i++) {
            Http.Reply school = Http.post(stack.gateway() + "/api/v1/community/participants/council-applicant-" + i + "/activities", officer,
                    Map.of("district", GEUMCHEON, "kind", "EDUCATION", "title", "주민자치학교 기본과정", "hours", 6,
                            "occurredOn", LocalDate.now(SEOUL).minusDays(30).toString()));
            assertEquals(201, school.status(), school.toString());
            String token = api.tokens().resident("council-applicant-" + i, GEUMCHEON, dong, lotteryYear - 41 - i % 24, i % 3 == 0 ? "M" : "F");
            Http.Reply applied = Http.post(stack.gateway() + "/api/v1/community/councils/" + councilId + "/applicants", token,
                    Map.of("name", "신청자" + i));
            assertEquals(201, applied.status(), applied.toString());
        }
        Http.Reply lottery = Http.post(stack.gateway() + "/api/v1/community/councils/" + councilId + "/lotteries", officer, Map.of());
        assertTrue(lottery.status() / 100 == 2, lottery.toString());
        // The public ceremony (issue 23): the officer brings the sealed seed and the numbers drawn there.
        Http.Reply ceremony = Http.post(stack.gateway() + "/api/v1/community/councils/" + councilId + "/lotteries/1/draw", officer,
                Map.of("seed", lottery.json().path("sealedSeed").asText(), "publicValue", "07-19-23-31-42-45"));
        assertEquals(202, ceremony.status(), ceremony.toString());
        List<JsonNode> seats = new ArrayList<>();
        Awaitility.await("governance draws, community seats").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Http.Reply r = Http.get(stack.gateway() + "/api/v1/community/councils/" + councilId + "/seats", officer);
                    seats.clear();
                    r.json().forEach(seats::add);
                    return r.status() == 200 && seats.size() == 35;
                });
        long members = seats.stream().filter(s -> s.path("role").asText().equals("MEMBER")).count();
        long women = seats.stream().filter(s -> s.path("role").asText().equals("MEMBER") && s.path("sex").asText().equals("F")).count();
        assertEquals(30, members);
        assertTrue(women <= 18 && members - women <= 18, "no sex above 60%: " + women + " of " + members);
        long fortiesOrYounger = seats.stream().filter(seat -> seat.path("role").asText().equals("MEMBER")
                && lotteryYear - seat.path("birthYear").asInt() < 50).count();
        assertTrue(fortiesOrYounger >= 5, "at least 15% (5 of 30) in their forties or younger: " + fortiesOrYounger);
        JsonNode drawn = Http.get(stack.gateway() + "/api/v1/community/councils/" + councilId + "/lotteries", officer).json().get(0);
        assertTrue(drawn.path("sortitionId").isTextual() && drawn.path("seed").isTextual()
                && drawn.path("publicValue").asText().equals("07-19-23-31-42-45"), "governance's draw is recorded: " + drawn);

        // 주민총회: the dong's residents vote on the self-governance plan's agenda items.
        Http.Reply plan = Http.post(stack.gateway() + "/api/v1/community/councils/" + councilId + "/plans", officer,
                Map.of("year", 2021, "title", "2021 독산1동 자치계획", "items", List.of(
                        Map.of("title", "골목길 안심 조명 설치", "cost", 7_500_000L),
                        Map.of("title", "마을 텃밭 조성", "cost", 5_000_000L),
                        Map.of("title", "주민 벼룩시장 정례화", "cost", 2_000_000L))));
        assertEquals(201, plan.status(), plan.toString());
        String planId = plan.json().path("id").asText();
        Http.Reply opened = Http.post(stack.gateway() + "/api/v1/community/councils/" + councilId + "/plans/" + planId + "/vote", officer,
                Map.of("opensAt", Instant.now().minusSeconds(60).toString(), "closesAt", Instant.now().plus(Duration.ofHours(2)).toString(),
                        "eligibleResidents", 2000));
        assertTrue(opened.status() / 100 == 2, opened.toString());
        String[] ballot = new String[1];
        Awaitility.await("voting opens the meeting's ballot").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    JsonNode p = Http.get(stack.gateway() + "/api/v1/community/councils/" + councilId + "/plans/" + planId, officer).json();
                    ballot[0] = p.path("ballotId").asText(null);
                    return ballot[0] != null;
                });
        JsonNode ballotView = Http.get(stack.gateway() + "/api/v1/voting/ballots/" + ballot[0], null).json();
        List<String> keys = new ArrayList<>();
        ballotView.path("options").forEach(o -> keys.add(o.path("key").asText()));
        assertEquals(3, keys.size(), ballotView.toString());
        // 120 residents of the dong: everyone approves the first item, two in three the second, one in four the third.
        for (int i = 0; i < 120; i++) {
            List<String> choice = new ArrayList<>(List.of(keys.get(0)));
            if (i % 3 != 0) {
                choice.add(keys.get(1));
            }
            if (i % 4 == 0) {
                choice.add(keys.get(2));
            }
            Http.Reply r = vote(stack, ballot[0], api.tokens().resident("dong-voter-" + i, GEUMCHEON, dong, 1970 + i % 30, i % 2 == 0 ? "F" : "M"), choice);
            assertEquals(201, r.status(), r.toString());
        }
        Http.Reply outsider = vote(stack, ballot[0], api.tokens().resident("other-dong-1", GEUMCHEON, "시흥1동", 1980, "F"), List.of(keys.get(0)));
        assertEquals(403, outsider.status(), "only the dong's residents vote: " + outsider);
        new Budget(stack, api).close(ballot[0]);
        JsonNode[] result = new JsonNode[1];
        Awaitility.await("community records the meeting's outcome").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    result[0] = Http.get(stack.gateway() + "/api/v1/community/councils/" + councilId + "/plans/" + planId, officer).json();
                    return result[0].path("voters").asInt() == 120;
                });
        List<Boolean> adopted = new ArrayList<>();
        result[0].path("items").forEach(item -> adopted.add(item.path("adopted").asBoolean()));
        assertEquals(List.of(true, true, false), adopted, "majority of the voters adopts an item: " + result[0]);
    }

    // ---- helpers

    private static Http.Reply vote(Stack stack, String ballot, String token, List<String> choices) {
        return Http.post(stack.gateway() + "/api/v1/voting/ballots/" + ballot + "/votes", token, Map.of("choices", choices));
    }

    /** Voter i approves up to five of the forwarded projects, spread so that the ranking is not flat. */
    private static void castVotes(Stack stack, String ballot, int voters, IntFunction<String> token, List<Long> options) {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Http.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            int n = i;
            replies.add(pool.submit(() -> {
                List<String> choice = new ArrayList<>();
                for (int k = 0; k < Math.min(5, options.size()); k++) {
                    String key = "p-" + options.get((n * 7 + k * k * 3) % options.size());
                    if (!choice.contains(key)) {
                        choice.add(key);
                    }
                }
                return vote(stack, ballot, token.apply(n), choice);
            }));
        }
        pool.shutdown();
        for (Future<Http.Reply> f : replies) {
            try {
                Http.Reply r = f.get();
                assertEquals(201, r.status(), r.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** budget-service through the gateway as Geumcheon's officer. */
    static final class Budget {
        static final String[] SUBCOMMITTEES = {"welfare", "safety", "culture", "economy"};
        private final Stack stack;
        private final Api api;
        private final String officer;

        Budget(Stack stack, Api api) {
            this.stack = stack;
            this.api = api;
            this.officer = api.tokens().officer(GEUMCHEON);
        }

        long createCycle(int year, String kind, String title, long total) {
            LocalDate today = LocalDate.now(SEOUL);
            List<Map<String, Object>> subcommittees = new ArrayList<>();
            String[] names = {"복지환경분과", "안전건설분과", "문화교육분과", "경제일자리분과"};
            for (int i = 0; i < 4; i++) {
                subcommittees.add(Map.of("code", SUBCOMMITTEES[i], "name", names[i], "ceiling", total / 4));
            }
            Map<String, Object> body = new HashMap<>(Map.of("district", GEUMCHEON, "fiscalYear", year, "kind", kind, "title", title,
                    "totalAmount", total, "ordinaryCap", 100_000_000L, "eventCap", 20_000_000L, "subcommittees", subcommittees,
                    "residentWeight", 50, "committeeWeight", 50));
            body.put("rule", "RANKED_GREEDY");
            body.put("phases", Map.of("intakeFrom", today.toString(), "intakeTo", today.toString(), "reviewTo", today.toString(),
                    "assemblyFrom", today.toString(), "assemblyTo", today.toString()));
            Http.Reply r = Http.post(stack.gateway() + "/api/v1/budget/cycles", officer, body);
            assertEquals(201, r.status(), r.toString());
            return r.json().path("id").asLong();
        }

        Http.Reply proposeReply(long cycle, String token, String title, String subcommittee, String dong, long amount,
                boolean event, String channel) {
            Map<String, Object> body = new HashMap<>(Map.of("title", title, "description", title + " 사업 설명",
                    "subcommitteeCode", subcommittee, "dong", dong, "requestedAmount", amount, "eventType", event,
                    "contact", Map.of("name", "제안자", "phone", "010-1234-5678")));
            if (channel != null) {
                body.put("sourceChannel", channel);
            }
            return Http.post(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/proposals", token, body);
        }

        long propose(long cycle, String token, String title, String subcommittee, String dong, long amount, boolean event, String channel) {
            Http.Reply r = proposeReply(cycle, token, title, subcommittee, dong, amount, event, channel);
            assertEquals(201, r.status(), r.toString());
            return r.json().path("id").asLong();
        }

        void departmentReview(long cycle, long proposal, boolean accept) {
            Map<String, Object> body = new HashMap<>(Map.of("department", "기획예산과", "decision", accept ? "ACCEPT" : "REJECT",
                    "opinion", accept ? "사업 타당성 있음" : "구 사업과 중복"));
            if (accept) {
                body.put("amount", REFINED);
            }
            Http.Reply r = Http.post(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/proposals/" + proposal + "/department-review", officer, body);
            assertEquals(200, r.status(), r.toString());
        }

        void preReview(long cycle, long proposal, boolean pass) {
            Map<String, Object> body = pass ? Map.of("decision", "PASS") : Map.of("decision", "RETURN", "reason", "대안 검토 후 보완 요청");
            Http.Reply r = Http.post(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/proposals/" + proposal + "/pre-review", officer, body);
            assertEquals(200, r.status(), r.toString());
        }

        Http.Reply forwardReply(long cycle, String code, List<Long> proposals) {
            return Http.post(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/subcommittees/" + code + "/forwarding", officer,
                    Map.of("proposalIds", proposals));
        }

        void forward(long cycle, String code, List<Long> proposals) {
            Http.Reply r = forwardReply(cycle, code, proposals);
            assertEquals(200, r.status(), r.toString());
        }

        /** Opens the 총회 and waits until voting-service has opened both ballots (electorate → ballot id). */
        Map<String, String> openAssembly(long cycle, int maxChoices) {
            Http.Reply r = Http.post(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/assembly", officer,
                    Map.of("residentMaxChoices", maxChoices, "committeeMaxChoices", maxChoices));
            assertTrue(r.status() / 100 == 2, r.toString());
            Map<String, String> ballots = new HashMap<>();
            Awaitility.await("ballots opened by events").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
                JsonNode view = Http.get(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/assembly", officer).json();
                ballots.clear();
                view.path("ballots").forEach(b -> {
                    if (b.path("ballotId").isTextual()) {
                        ballots.put(b.path("electorate").asText().contains("COMMITTEE") ? "COMMITTEE" : "RESIDENTS", b.path("ballotId").asText());
                    }
                });
                return ballots.size() == 2;
            });
            return ballots;
        }

        void close(String ballot) {
            Http.Reply r = Http.post(stack.gateway() + "/api/v1/voting/ballots/" + ballot + "/close", officer,
                    Map.of("reason", "시나리오: 투표 기간 단축 (e2e)"));
            assertTrue(r.status() == 200 || r.status() == 409, r.toString());
        }

        JsonNode awaitResults(long cycle) {
            JsonNode[] out = new JsonNode[1];
            Awaitility.await("results computed from both ballot boxes").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        Http.Reply r = Http.get(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/results", null);
                        out[0] = r.json();
                        return r.status() == 200 && out[0].path("projects").size() > 0;
                    });
            return out[0];
        }

        void reportExecution(long cycle, long proposal, long granted, long spent, String status) {
            Http.Reply r = Http.post(stack.gateway() + "/api/v1/budget/cycles/" + cycle + "/proposals/" + proposal + "/execution-reports",
                    officer, Map.of("reportedOn", LocalDate.now(SEOUL).toString(), "granted", granted, "spent", spent, "status", status));
            assertTrue(r.status() / 100 == 2, r.toString());
        }
    }
}
