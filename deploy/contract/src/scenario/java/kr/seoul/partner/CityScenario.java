package kr.seoul.partner;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import kr.seoul.partner.chamyeo.ApiClient;
import kr.seoul.partner.chamyeo.ApiException;
import kr.seoul.partner.chamyeo.api.AssemblyApi;
import kr.seoul.partner.chamyeo.api.BallotsApi;
import kr.seoul.partner.chamyeo.api.BudgetResultsApi;
import kr.seoul.partner.chamyeo.api.CyclesApi;
import kr.seoul.partner.chamyeo.api.ElectionsApi;
import kr.seoul.partner.chamyeo.api.ProposalsApi;
import kr.seoul.partner.chamyeo.api.ReviewApi;
import kr.seoul.partner.chamyeo.api.VotesApi;
import kr.seoul.partner.chamyeo.api.VotingResultsApi;
import kr.seoul.partner.chamyeo.model.*;

/**
 * A partner district's program, written only against the Java client OpenAPI Generator makes from the gateway's
 * combined document (deploy/contract compiles it against the freshly generated client and runs it against the
 * running services): Geumcheon's budget cycle from proposals to adopted projects.
 *
 * <p>A city-wide trustee panel of two (threshold 2) is formed; a 2억원 cycle gets four proposals, which pass the
 * department review and the pre-review and are forwarded by their subcommittees; opening the 총회 makes budget-service
 * ask voting-service for two ballots by events; six residents and two committee members vote; the ballots are closed,
 * the trustees count them, and budget-service computes the results from both. Residents' votes 6/4/2/0 and the
 * committee's 2/0/0/2 give scores 100, 33.3, 16.7 and 50 (weights 50/50), so the greedy rule adopts 7천만, 6천만 and
 * 6천만 (1억9천만) and leaves out the 5천만 project that no longer fits: leftover 1천만.
 */
public final class CityScenario implements Function<Map<String, Object>, String> {

    private static final String GEUMCHEON = "11545";
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private String gateway;

    @Override
    @SuppressWarnings("unchecked")
    public String apply(Map<String, Object> settings) {
        try {
            gateway = (String) settings.get("gateway");
            return run((String) settings.get("officer"), (String) settings.get("cityAdmin"),
                    (List<String>) settings.get("trustees"), (List<String>) settings.get("residents"),
                    (List<String>) settings.get("committee"));
        } catch (ApiException e) {
            throw new AssertionError("the API answered " + e.getCode() + ": " + e.getResponseBody(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String run(String officer, String cityAdmin, List<String> trustees, List<String> residents, List<String> committee)
            throws ApiException, InterruptedException {
        // 선거관리 패널: two trustees, both needed to decrypt; their own program does the key ceremony.
        ElectionView panel = new ElectionsApi(as(cityAdmin)).electionCreate(new ElectionSpec()
                .title("계약 검사 개표 관리 (contract)").threshold(2)
                .trustees(List.of(new Seat().name("금천구 선거관리위원회").subject(trustees.get(0)),
                        new Seat().name("금천구 주민자치회").subject(trustees.get(1)))));
        ElectionView ready = await("the panel's key ceremony", () -> {
            ElectionView view = new ElectionsApi(as(null)).electionGet(panel.getId());
            return "READY".equals(String.valueOf(view.getStatus())) ? view : null;
        });
        check(ready.getPublicKey() != null && ready.getTrusteeCount() == 2 && ready.getThreshold() == 2, "a ready 2-of-2 panel: " + ready);

        // 편성: a 2억원 cycle with two subcommittees of 1억 each, every phase today.
        LocalDate today = LocalDate.now(SEOUL);
        CycleView cycle = new CyclesApi(as(officer)).cycleCreate(new CycleRequest()
                .district(GEUMCHEON).fiscalYear(2023).kind(CycleKind.RESIDENT).title("2023년 금천구 주민참여예산 (계약 검사)")
                .totalAmount(200_000_000L).ordinaryCap(100_000_000L).eventCap(20_000_000L)
                .residentWeight(50).committeeWeight(50)
                .subcommittees(List.of(new SubcommitteeRequest().code("welfare").name("복지환경분과").ceiling(100_000_000L),
                        new SubcommitteeRequest().code("safety").name("안전건설분과").ceiling(100_000_000L)))
                .phases(new Phases().intakeFrom(today).intakeTo(today).reviewTo(today).assemblyFrom(today).assemblyTo(today)));
        check(GEUMCHEON.equals(cycle.getDistrict()) && cycle.getTotalAmount() == 200_000_000L, "the cycle as created: " + cycle);
        long cycleId = cycle.getId();

        // 제안: four residents' proposals.
        String[] titles = {"독산동 어린이 놀이터 개선", "시흥대로 보행로 조명", "가산동 작은도서관 장서", "시흥천 산책로 안전펜스"};
        String[] subcommittees = {"welfare", "safety", "welfare", "safety"};
        long[] amounts = {70_000_000L, 60_000_000L, 50_000_000L, 60_000_000L};
        List<Long> proposals = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ProposalView proposal = new ProposalsApi(as(residents.get(i))).proposalSubmit(cycleId, new ProposalRequest()
                    .title(titles[i]).description(titles[i] + " 사업").subcommitteeCode(subcommittees[i]).dong("독산1동")
                    .requestedAmount(amounts[i]).eventType(false)
                    .contact(new Contact().name("제안자 " + (i + 1)).phone("010-1234-567" + i)));
            check(titles[i].equals(proposal.getTitle()), "the proposal as submitted: " + proposal);
            proposals.add(proposal.getId());
        }

        // 부서검토 and 사전검토: every proposal accepted at its requested cost and passed.
        ReviewApi review = new ReviewApi(as(officer));
        for (int i = 0; i < 4; i++) {
            review.reviewDepartmentReview(cycleId, proposals.get(i), new DepartmentReview().department("기획예산과")
                    .decision(DepartmentDecision.ACCEPT).opinion("사업 타당성 있음").amount(amounts[i]));
            ProposalView passed = review.reviewPreReview(cycleId, proposals.get(i), new PreReview().decision(PreReviewDecision.PASS));
            check(passed.getId().equals(proposals.get(i)), "the pre-reviewed proposal: " + passed);
        }
        // 분과심의: each subcommittee forwards its two (1억2천만, within 130% of its 1억 ceiling).
        review.reviewForward("welfare", cycleId, new Forwarding().proposalIds(List.of(proposals.get(0), proposals.get(2))));
        review.reviewForward("safety", cycleId, new Forwarding().proposalIds(List.of(proposals.get(1), proposals.get(3))));

        // 총회: budget-service asks voting-service for both ballots by events and learns their ids the same way.
        new AssemblyApi(as(officer)).assemblyOpen(cycleId, new AssemblyRequest().residentMaxChoices(2).committeeMaxChoices(2));
        Map<String, String> ballots = await("both ballots opened by events", () -> {
            Map<String, String> ids = new HashMap<>();
            for (BallotView ballot : new AssemblyApi(as(officer)).assemblyGet(cycleId).getBallots()) {
                if (ballot.getBallotId() != null) {
                    ids.put(ballot.getElectorate(), ballot.getBallotId());
                }
            }
            return ids.size() == 2 ? ids : null;
        });
        VotingBallotView residentsBallot = new BallotsApi(as(null)).ballotGet(java.util.UUID.fromString(ballots.get("RESIDENTS")));
        check(("budget:" + cycleId + ":RESIDENTS").equals(residentsBallot.getCorrelationId())
                && residentsBallot.getOptions().size() == 4 && panel.getId().equals(residentsBallot.getElectionId()),
                "the residents' ballot, under the panel's key, with the four forwarded projects: " + residentsBallot);

        // 엠보팅: six residents and two committee members vote.
        String[] keys = proposals.stream().map(p -> "p-" + p).toArray(String[]::new);
        for (int i = 0; i < 6; i++) {
            List<String> choices = List.of(keys[0], i < 4 ? keys[1] : keys[2]);
            Cast cast = new VotesApi(as(residents.get(4 + i))).voteCast(uuid(ballots.get("RESIDENTS")), new VotingVoteRequest().choices(choices));
            check(Boolean.TRUE.equals(cast.getCast()) && cast.getTracker() != null, "a cast vote with its tracker code (추적 번호): " + cast);
        }
        try {
            new VotesApi(as(residents.get(4))).voteCast(uuid(ballots.get("RESIDENTS")), new VotingVoteRequest().choices(List.of(keys[3])));
            throw new AssertionError("a second vote by the same resident was taken");
        } catch (ApiException e) {
            check(e.getCode() == 409, "a second vote is 409: " + e.getCode() + " " + e.getResponseBody());
        }
        for (String member : committee) {
            new VotesApi(as(member)).voteCast(uuid(ballots.get("COMMITTEE")), new VotingVoteRequest().choices(List.of(keys[0], keys[3])));
        }

        // 마감 and 개표: the officer closes both; the trustees shuffle and decrypt; budget-service computes the results.
        for (String ballot : ballots.values()) {
            new BallotsApi(as(officer)).ballotClose(uuid(ballot), new CloseRequest().reason("총회 일정 단축: 계약 검사 (contract check)"));
        }
        Results counted = await("the residents' ballot counted by the trustees", () -> {
            try {
                Results results = new VotingResultsApi(as(null)).resultResults(uuid(ballots.get("RESIDENTS")));
                return Boolean.TRUE.equals(results.getClosed()) ? results : null;
            } catch (ApiException e) {
                if (e.getCode() == 409) {
                    return null; // published once counted
                }
                throw e;
            }
        });
        Map<String, Long> tallies = new HashMap<>();
        counted.getTallies().forEach(t -> tallies.put(t.getKey(), t.getVotes()));
        check(counted.getVoters() == 6 && tallies.equals(Map.of(keys[0], 6L, keys[1], 4L, keys[2], 2L, keys[3], 0L)),
                "residents' tallies 6/4/2/0 of 6 voters: " + counted);
        ResultView results = await("the cycle's results from both ballots", () -> {
            try {
                ResultView view = new BudgetResultsApi(as(null)).resultGet(cycleId);
                return view.getProjects() == null || view.getProjects().isEmpty() ? null : view;
            } catch (ApiException e) {
                if (e.getCode() == 404 || e.getCode() == 409) {
                    return null; // not computed yet
                }
                throw e;
            }
        });
        check(results.getResidentVoters() == 6 && results.getCommitteeVoters() == 2, "voters 6 + 2: " + results);
        List<Long> adopted = new ArrayList<>();
        for (ProjectResultView project : results.getProjects()) {
            if (Boolean.TRUE.equals(project.getAdopted())) {
                adopted.add(project.getProposalId());
            }
        }
        check(adopted.equals(List.of(proposals.get(0), proposals.get(3), proposals.get(1))),
                "adopted in rank order 100, 50, 33.3 points (the 16.7-point 5천만 no longer fits): " + results);
        check(results.getAdoptedAmount() == 190_000_000L && results.getLeftover() == 10_000_000L,
                "1억9천만 adopted, 1천만 left over: " + results);
        return String.format("cycle %d: panel %s READY, 4 proposals reviewed and forwarded, ballots %s opened by events, "
                        + "6 + 2 votes (a second one refused), counted by 2 trustees, %d adopted for %,d원 (leftover %,d원)",
                cycleId, panel.getId(), ballots.keySet(), adopted.size(), results.getAdoptedAmount(), results.getLeftover());
    }

    /** A client as the holder of {@code token} (none: anonymous), through the gateway. */
    private ApiClient as(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gateway);
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private static java.util.UUID uuid(String id) {
        return java.util.UUID.fromString(id);
    }

    interface Step<T> {
        T get() throws ApiException;
    }

    /** Polls until the step gives a value (events take a moment between services), at most two minutes. */
    private static <T> T await(String what, Step<T> step) throws ApiException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            T value = step.get();
            if (value != null) {
                return value;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new AssertionError(what);
        }
    }
}
