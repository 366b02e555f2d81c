package kr.chamyeo.community.council;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.community.council.CouncilRequests.ApplicantRequest;
import kr.chamyeo.community.council.CouncilRequests.CouncilRequest;
import kr.chamyeo.community.council.CouncilRequests.LotteryDrawRequest;
import kr.chamyeo.community.council.CouncilRequests.LotteryRequest;
import kr.chamyeo.community.council.CouncilRequests.PlanRequest;
import kr.chamyeo.community.council.CouncilRequests.ResidentsRequest;
import kr.chamyeo.community.council.CouncilRequests.VoteRequest;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/councils")
@Tag(name = "Autonomy councils (주민자치회)")
@Produces(MediaType.APPLICATION_JSON)
public class CouncilResource {

    /** Cumulative dongs with a council by year, unit project 2-1-1 of the seed (~2018 91 … 2021 424, all dongs). */
    static final Map<Integer, Integer> ROLLOUT_PLAN = Map.of(2017, 26, 2018, 91, 2019, 166, 2020, 322, 2021, 424, 2022, 424);

    @Inject
    CouncilService councils;

    @Inject
    SelfGovernancePlanService plans;

    @Inject
    Caller caller;

    @Schema(description = "A council; `established` tells whether it exists in the year asked")
    public record CouncilView(UUID id, String district, String dong, String name, int rolloutYear, int seats, int reserves,
                              BigDecimal requiredEducationHours, Boolean established, long applicants, long members) {
    }

    @Schema(description = "Phased establishment of resident self-governance councils (단계별 주민자치회 설치 현황) against the seed's schedule")
    public record RolloutView(int year, long established, Integer planned, BigDecimal share) {
    }

    @Schema(description = "A lottery round and its outcome")
    public record LotteryView(UUID id, int round, String correlationId, CouncilLottery.Status status, int seats, int reserves,
                              int poolSize, @Schema(description = "applicants left out for lacking the required education hours") int excludedApplicants,
                              String sortitionId, @Schema(description = "SHA-256 of the seed's hex text, fixed when the lottery is requested") String seedCommitment,
                              @Schema(description = "the seed, published once drawn (null before: only its commitment is stored)") String seed,
                              @Schema(description = "the value drawn at the public ceremony (추첨식); the draw runs on hex(SHA-256(\"chamyeo-sortition:\" + seed + \":\" + publicValue))",
                                      example = "07-19-23-31-42-45") String publicValue,
                              @Schema(description = "only in the answer that requests the lottery: the seed the officer keeps sealed for the ceremony; "
                                      + "the service does not store it") String sealedSeed,
                              String reason, String conflictingQuotas) {
        static LotteryView of(CouncilLottery l) {
            return new LotteryView(l.id, l.round, l.correlationId, l.status, l.seats, l.reserves, l.poolSize, l.excludedApplicants, l.sortitionId,
                    l.seedCommitment, l.seed, l.publicValue, l.sealedSeed, l.reason, l.conflictingQuotas);
        }
    }

    @Schema(description = "A seated member or reserve (officers only)")
    public record SeatView(UUID applicantId, String participantId, String name, String sex, int birthYear, CouncilSeat.Role role, int position) {
    }

    @Schema(description = "An applicant (officers only)")
    public record ApplicantView(UUID id, String participantId, String name, String sex, int birthYear, OffsetDateTime appliedAt) {
        static ApplicantView of(CouncilApplicant a) {
            return new ApplicantView(a.id, a.participantId, a.name, a.sex, a.birthYear, a.appliedAt);
        }
    }

    @Schema(name = "CouncilPlanView", description = "A self-governance plan (자치계획) with its agenda items and the general meeting's outcome: the meeting "
            + "decides (DECIDED) only if its voters reach the quorum, 1% of the dong's residents; below it the status is NOT_QUORATE "
            + "and no item is adopted")
    public record PlanView(UUID id, UUID councilId, int year, ExecutionBudget.Kind kind, String title, SelfGovernancePlan.Status status,
                           @Schema(description = "Agenda execution budget (의제 실행비) the plan may spend: 30백만원 (자치계획) or 37.5백만원 (마을계획)") long executionCeiling,
                           @Schema(description = "the agenda items' total cost") long agendaCost,
                           @Schema(description = "what the plan holds of its year's 25억원 pot") long potClaim,
                           String correlationId,
                           String ballotId,
                           @Schema(description = "residents of the dong the meeting was held against") Integer eligibleResidents,
                           @Schema(description = "where eligibleResidents comes from: the council's recorded count and its year, or the vote request",
                                   example = "행정안전부 주민등록 인구통계 2030.1. (2030)") String residentsSource,
                           @Schema(description = "share of residents that must vote (주민 누구나 1% 이상 참석)", example = "0.01") BigDecimal quorumShare,
                           @Schema(description = "voters needed: 1% of eligibleResidents, rounded up", example = "250") Integer quorum,
                           Integer voters,
                           @Schema(description = "voters reached the quorum; null until the vote closes") Boolean quorate,
                           BigDecimal turnout, BigDecimal turnoutTarget,
                           Boolean turnoutTargetMet, String rejectionReason, List<ItemView> items) {
    }

    @Schema(description = "The dong-level plan-based citizen participatory budget (동단위 계획형 시민참여예산) of a year")
    public record PotView(int year, @Schema(example = "2500000000") long pot, @Schema(example = "30000000") long perDong,
                          @Schema(description = "held by the year's plans") long claimed, long remaining) {
    }

    @Schema(description = "주민 수 of a council's dong in one year")
    public record ResidentsView(UUID councilId, int year, int residents, String source,
                                @Schema(description = "voters a general meeting needs with this count (1%, rounded up)") int quorum) {
        static ResidentsView of(CouncilResidents r) {
            return new ResidentsView(r.councilId, r.year, r.residents, r.source, MeetingRules.quorum(r.residents));
        }
    }

    @Schema(description = "의제 and its result")
    public record ItemView(String key, String title, String description, Long cost, Integer votes, Boolean adopted) {
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a dong's council (주민자치회 등록)", description = "With the year it is set up (단계별 설치) and its seats.")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = CouncilView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "409", description = "The dong has a council")
    @APIResponse(responseCode = "422", description = "Invalid council")
    public Response create(@Valid @NotNull CouncilRequest request) {
        caller.requireDistrict(request.district(), Roles.OFFICER);
        return Response.status(201).entity(view(councils.create(request), null)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List councils (주민자치회 목록)", description = "Public; with ?year= whether each is established that year.")
    @APIResponse(responseCode = "200", description = "Councils", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = CouncilView.class)))
    @APIResponse(responseCode = "422", description = "Bad district")
    public List<CouncilView> list(@QueryParam("district") @DistrictCode String district, @QueryParam("year") Integer year) {
        return Council.inDistrict(district).stream().map(c -> view(c, year)).toList();
    }

    @GET
    @Path("/participatory-budget")
    @PermitAll
    @Operation(summary = "The year's 동단위 계획형 시민참여예산 (25억원)",
            description = "The city's yearly pot for self-governance and village plans (seed 002: 매년 25억원 규모, 동별 30백만원): what the "
                    + "plans of the year hold (their whole agenda while the vote is pending, the adopted items once decided) and what is left. Public.")
    @APIResponse(responseCode = "200", description = "The pot", content = @Content(schema = @Schema(implementation = PotView.class)))
    @APIResponse(responseCode = "422", description = "Year missing or out of range")
    public PotView participatoryBudget(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        long claimed = plans.claimed(year, new UUID(0, 0));
        return new PotView(year, ExecutionBudget.YEARLY_POT, ExecutionBudget.PARTICIPATORY_PER_DONG, claimed, ExecutionBudget.YEARLY_POT - claimed);
    }

    @GET
    @Path("/rollout")
    @PermitAll
    @Operation(summary = "Rollout by year (연차별 설치 현황)", description = "Councils established by the end of a year against the seed's cumulative schedule (26 → 91 → 166 → 322 → 424 dongs). Public.")
    @APIResponse(responseCode = "200", description = "Rollout", content = @Content(schema = @Schema(implementation = RolloutView.class)))
    @APIResponse(responseCode = "422", description = "Year missing")
    public RolloutView rollout(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        long established = Council.establishedBy(year);
        Integer planned = ROLLOUT_PLAN.get(Math.min(year, 2022));
        BigDecimal share = planned == null ? null
                : BigDecimal.valueOf(established).divide(BigDecimal.valueOf(planned), 4, java.math.RoundingMode.HALF_UP);
        return new RolloutView(year, established, year < 2017 ? null : planned, year < 2017 ? null : share);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A council (주민자치회)", description = "Public: counts only, no names.")
    @APIResponse(responseCode = "200", description = "Council", content = @Content(schema = @Schema(implementation = CouncilView.class)))
    @APIResponse(responseCode = "404", description = "No such council")
    public CouncilView get(@PathParam("id") UUID id) {
        return view(councils.council(id), null);
    }

    @POST
    @Path("/{id}/applicants")
    @RolesAllowed(Roles.RESIDENT)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply to become a member (위원 공개모집 신청)", description = "Residents of the council's dong; sex and birth year are taken from the token for the lottery quotas.")
    @APIResponse(responseCode = "201", description = "Applied", content = @Content(schema = @Schema(implementation = ApplicantView.class)))
    @APIResponse(responseCode = "403", description = "Not a resident of the dong")
    @APIResponse(responseCode = "404", description = "No such council")
    @APIResponse(responseCode = "409", description = "Already applied")
    @APIResponse(responseCode = "422", description = "Invalid application")
    public Response apply(@PathParam("id") UUID id, @Valid @NotNull ApplicantRequest request) {
        Council c = councils.council(id);
        if (!caller.district().filter(c.district::equals).isPresent() || !caller.dong().filter(c.dong::equals).isPresent()) {
            throw ProblemException.forbidden("Only residents of " + c.dong + " may apply");
        }
        String sex = caller.sex().filter(s -> s.equals("F") || s.equals("M"))
                .orElseThrow(() -> ProblemException.forbidden("The token carries no sex (F/M), needed for the lottery quotas"));
        int birthYear = caller.birthYear().orElseThrow(() -> ProblemException.forbidden("The token carries no birth_year"));
        return Response.status(201).entity(ApplicantView.of(councils.apply(c, request, caller.subject(), sex, birthYear))).build();
    }

    @GET
    @Path("/{id}/applicants")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "The applicant pool (신청자 명단)", description = "Officers of the district only: personal data.")
    @APIResponse(responseCode = "200", description = "Applicants", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ApplicantView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "No such council")
    public List<ApplicantView> applicants(@PathParam("id") UUID id) {
        Council c = councils.council(id);
        caller.requireDistrict(c.district, Roles.OFFICER);
        return CouncilApplicant.ofCouncil(id).stream().map(ApplicantView::of).toList();
    }

    @POST
    @Path("/{id}/lotteries")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Request the lottery of the members (추첨 요청)",
            description = "Publishes CouncilLotteryRequested (community.councils) with the pool (applicants who completed the council's 주민자치학교 hours, default 6; ids and sex/age/area only) and the quotas "
                    + "as counts: no sex above 60% of seats, at least 15% in their forties or younger (40대 이하: under 50 in the lottery year), and the commitment of a fresh seed. "
                    + "The answer carries the seed once as sealedSeed (not stored): the officer keeps it for the public ceremony, where POST …/lotteries/{round}/draw draws. "
                    + "The body is required: {} draws the council's own seats and reserves.")
    @APIResponse(responseCode = "202", description = "Requested", content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "No such council")
    @APIResponse(responseCode = "409", description = "A lottery is pending")
    @APIResponse(responseCode = "422", description = "Too few applicants")
    public Response lottery(@PathParam("id") UUID id, @Valid @NotNull LotteryRequest request) {
        Council c = councils.council(id);
        caller.requireDistrict(c.district, Roles.OFFICER);
        CouncilLottery l = councils.requestLottery(id, request.seats(), request.reserves());
        return Response.accepted(LotteryView.of(l)).build();
    }

    @POST
    @Path("/{id}/lotteries/{round}/draw")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draw at the public ceremony (공개 추첨식)",
            description = "The officer enters the round's sealedSeed (its SHA-256 must be the seedCommitment) and the value drawn in public at the ceremony. "
                    + "Publishes CouncilLotteryDrawRequested; governance-service draws on hex(SHA-256(\"chamyeo-sortition:\" + seed + \":\" + publicValue)) and the members "
                    + "are seated on CouncilMembersDrawn. Seed and public value are then public, so anyone recomputes the panel "
                    + "(officers: GET /api/v1/governance/sortitions/{sortitionId}/verification). One public value per round.")
    @APIResponse(responseCode = "202", description = "Draw requested", content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "No such council or round")
    @APIResponse(responseCode = "409", description = "The round is not waiting for its ceremony")
    @APIResponse(responseCode = "422", description = "No public value, or a seed that does not match the commitment")
    public Response draw(@PathParam("id") UUID id, @PathParam("round") int round, @Valid @NotNull LotteryDrawRequest request) {
        Council c = councils.council(id);
        caller.requireDistrict(c.district, Roles.OFFICER);
        CouncilLottery l = councils.requestDraw(id, round, request.seed(), request.publicValue());
        return Response.accepted(LotteryView.of(l)).build();
    }

    @GET
    @Path("/{id}/lotteries")
    @PermitAll
    @Operation(summary = "Lottery rounds (추첨 내역)", description = "Public: status, sortition id, seed commitment, and once drawn the seed and the ceremony's public value for verification; no names.")
    @APIResponse(responseCode = "200", description = "Rounds", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = LotteryView.class)))
    @APIResponse(responseCode = "404", description = "No such council")
    public List<LotteryView> lotteries(@PathParam("id") UUID id) {
        councils.council(id);
        return CouncilLottery.rounds(id).stream().map(LotteryView::of).toList();
    }

    @GET
    @Path("/{id}/seats")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Seated members and reserves (위원·예비위원)", description = "Officers of the district.")
    @APIResponse(responseCode = "200", description = "Seats", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = SeatView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "No such council")
    public List<SeatView> seats(@PathParam("id") UUID id) {
        Council c = councils.council(id);
        caller.requireDistrict(c.district, Roles.OFFICER);
        Map<UUID, CouncilApplicant> applicants = CouncilApplicant.ofCouncil(id).stream()
                .collect(Collectors.toMap(a -> a.id, a -> a));
        return CouncilSeat.ofCouncil(id).stream().map(s -> {
            CouncilApplicant a = applicants.get(s.applicantId);
            return new SeatView(a.id, a.participantId, a.name, a.sex, a.birthYear, s.role, s.position);
        }).toList();
    }

    @PUT
    @Path("/{id}/residents/{year}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the dong's residents in a year (동 주민 수)",
            description = "The count a general meeting's 1% quorum (주민총회: 주민 누구나 1% 이상 참석) is taken from, with the statistics it "
                    + "comes from (e.g. 행정안전부 주민등록 인구통계). A meeting uses the newest count up to its year. Officers of the district.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = ResidentsView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "No such council")
    @APIResponse(responseCode = "422", description = "Bad year, count or source")
    public ResidentsView recordResidents(@PathParam("id") UUID id, @PathParam("year") @Min(2000) @Max(2100) int year,
                                         @Valid @NotNull ResidentsRequest request) {
        Council c = councils.council(id);
        caller.requireDistrict(c.district, Roles.OFFICER);
        return ResidentsView.of(plans.recordResidents(c, year, request.residents(), request.source(), caller.subject()));
    }

    @GET
    @Path("/{id}/residents")
    @PermitAll
    @Operation(summary = "The dong's recorded resident counts (동 주민 수)", description = "Public statistics: each year's count, its source and the quorum it gives.")
    @APIResponse(responseCode = "200", description = "Counts by year", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ResidentsView.class)))
    @APIResponse(responseCode = "404", description = "No such council")
    public List<ResidentsView> residents(@PathParam("id") UUID id) {
        councils.council(id);
        return CouncilResidents.byYear(id).stream().map(ResidentsView::of).toList();
    }

    @POST
    @Path("/{id}/plans")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a self-governance plan (자치계획 등록)", description = "With its agenda items (의제) for the residents' general meeting. "
            + "The agenda may cost at most the dong's 의제 실행비: 30백만원 for a 자치계획, 7,500천원 + 30백만원 for a 마을계획 (422 above it).")
    @APIResponse(responseCode = "201", description = "Registered", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "No such council")
    @APIResponse(responseCode = "409", description = "The year has a plan")
    @APIResponse(responseCode = "422", description = "Invalid plan")
    public Response createPlan(@PathParam("id") UUID id, @Valid @NotNull PlanRequest request) {
        Council c = councils.council(id);
        caller.requireDistrict(c.district, Roles.OFFICER);
        return Response.status(201).entity(view(plans.createPlan(c, request))).build();
    }

    @GET
    @Path("/{id}/plans/{planId}")
    @PermitAll
    @Operation(summary = "A self-governance plan and its vote (자치계획·주민총회 결과)", description = "Public: agenda items, votes, adoption, turnout against the year's target.")
    @APIResponse(responseCode = "200", description = "Plan", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public PlanView plan(@PathParam("id") UUID id, @PathParam("planId") UUID planId) {
        return view(plans.plan(councils.council(id), planId));
    }

    @POST
    @Path("/{id}/plans/{planId}/vote")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open the general meeting vote (주민총회 투표 요청)",
            description = "Publishes BallotRequested (voting.requests): residents of the dong approve agenda items. Once a year per council "
                    + "(주민총회 연 1회: a second meeting vote opening in the same calendar year is 409). The 1% quorum is taken from the dong's "
                    + "recorded residents (or eligibleResidents given here); BallotClosed marks the items a majority of voters approved as "
                    + "adopted if the voters reach it, else the plan is NOT_QUORATE.")
    @APIResponse(responseCode = "202", description = "Requested", content = @Content(schema = @Schema(implementation = PlanView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Vote already requested, the council's meeting of that year is held, or the year's 25억원 pot cannot hold the agenda")
    @APIResponse(responseCode = "422", description = "Bad window, or no resident count")
    public Response vote(@PathParam("id") UUID id, @PathParam("planId") UUID planId, @Valid @NotNull VoteRequest request) {
        Council c = councils.council(id);
        caller.requireDistrict(c.district, Roles.OFFICER);
        return Response.accepted(view(plans.requestVote(c, planId, request))).build();
    }

    private CouncilView view(Council c, Integer year) {
        return new CouncilView(c.id, c.district, c.dong, c.name, c.rolloutYear, c.seats, c.reserves, c.requiredEducationHours,
                year == null ? null : c.rolloutYear <= year, CouncilApplicant.pooled(c.id),
                CouncilSeat.members(c.id));
    }

    private PlanView view(SelfGovernancePlan p) {
        List<ItemView> items = AgendaItem.of(p.id).stream()
                .map(i -> new ItemView(i.optionKey, i.title, i.description, i.cost, i.votes, i.adopted)).toList();
        Boolean met = p.turnout == null ? null : p.turnout.compareTo(p.turnoutTarget) >= 0;
        Boolean quorate = p.voters == null || p.quorum == null ? null : MeetingRules.quorate(p.voters, p.quorum);
        return new PlanView(p.id, p.councilId, p.year, p.kind, p.title, p.status, ExecutionBudget.ceiling(p.kind),
                items.stream().mapToLong(i -> i.cost() == null ? 0 : i.cost()).sum(), p.potClaim, p.correlationId, p.ballotId, p.eligibleResidents,
                p.residentsSource, MeetingRules.QUORUM_SHARE, p.quorum, p.voters, quorate, p.turnout, p.turnoutTarget, met,
                p.rejectionReason, items);
    }
}
