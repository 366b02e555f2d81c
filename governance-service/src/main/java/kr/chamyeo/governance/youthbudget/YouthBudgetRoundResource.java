package kr.chamyeo.governance.youthbudget;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.security.Roles;

@Path("/youth-budget/rounds")
@Tag(name = "Youth budget rounds", description = "City-level youth autonomous budget: the council's proposals within the city's total (청년자율예산제 청년의회 편성)")
@Produces(MediaType.APPLICATION_JSON)
public class YouthBudgetRoundResource {

    @Inject
    YouthBudgetRoundService rounds;

    @Schema(description = "서울시가 정한 한 해 청년자율예산 총액")
    public record NewRound(@NotNull @Min(2019) @Max(2100) @Schema(example = "2020") Integer year,
                           @NotNull @Positive @Schema(description = "총액 (원)", example = "50000000000") Long total) {
    }

    @Schema(description = "청년의회의 정책 제안: 규모(원)와 우선순위(1이 먼저)")
    public record ProposalInput(@Schema(description = "제안한 분과 (그 해 청년의회의 분과)", nullable = true) UUID subcommitteeId,
                                @NotBlank @Size(max = 300) @Schema(example = "청년 1인가구 주거비 지원") String title,
                                @Size(max = 4000) String summary,
                                @NotNull @Positive @Schema(description = "규모 (원)", example = "3000000000") Long amount,
                                @NotNull @Min(1) @Max(1000) @Schema(description = "우선순위", example = "1") Integer priority) {
    }

    @Schema(description = "본회의 의결")
    public record Adoption(@NotNull @Schema(example = "2020-07-25") LocalDate adoptedOn) {
    }

    @Schema(description = "정책 제안")
    public record ProposalView(UUID id, int priority, String title, String summary, @Schema(nullable = true) UUID subcommitteeId,
                               @Schema(nullable = true) String subcommittee, long amount) {
        static ProposalView of(YouthBudgetProposal p) {
            return new ProposalView(p.id, p.priority, p.title, p.summary, p.subcommitteeId, YouthBudgetRoundService.subcommittee(p.subcommitteeId),
                    p.amount);
        }
    }

    @Schema(description = "한 해의 청년자율예산 편성: 총액, 제안 합계와 남은 금액, 우선순위순 제안")
    public record RoundView(UUID id, @Schema(example = "2020") int year, @Schema(description = "총액 (원)") long total,
                            @Schema(description = "제안 합계 (원)") long proposed, @Schema(description = "총액 − 제안 합계 (음수면 초과)") long remaining,
                            YouthBudgetRound.Status status, @Schema(nullable = true) LocalDate adoptedOn, List<ProposalView> proposals) {
        static RoundView of(YouthBudgetRound r) {
            List<ProposalView> proposals = YouthBudgetProposal.of(r.id).stream().map(ProposalView::of).toList();
            long proposed = proposals.stream().mapToLong(ProposalView::amount).sum();
            return new RoundView(r.id, r.year, r.total, proposed, r.total - proposed, r.status, r.adoptedOn, proposals);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Fix a year's total (청년자율예산 총액 설정)", description = "시 관리자. 한 해에 하나; 청년의회는 이 총액 안에서 제안한다.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The year has its total")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response open(@Valid @NotNull NewRound request) {
        return Response.status(201).entity(RoundView.of(rounds.open(request.year(), request.total()))).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A year's youth budget and the council's proposals (청년자율예산 편성 현황)", description = "공개: 총액, 제안 합계, 남은 금액, 우선순위순 제안.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", description = "Unknown round")
    public RoundView one(@PathParam("id") UUID id) {
        return RoundView.of(rounds.get(id));
    }

    @POST
    @Path("/{id}/proposals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Record a council proposal (청년의회 정책 제안 등록)",
            description = "시 관리자 (청년의회 사무국). 숙의 중에만; 우선순위는 제안마다 다르다 (같으면 409).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "Unknown round")
    @APIResponse(responseCode = "409", description = "Adopted already, or the priority is taken")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response propose(@PathParam("id") UUID id, @Valid @NotNull ProposalInput request) {
        return Response.status(201).entity(ProposalView.of(rounds.propose(id, null, request.subcommitteeId(), request.title(),
                request.summary(), request.amount(), request.priority()))).build();
    }

    @PUT
    @Path("/{id}/proposals/{proposalId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Change a proposal's size or priority (제안 규모·우선순위 조정)", description = "숙의 중에만.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ProposalView.class)))
    @APIResponse(responseCode = "404", description = "Unknown round or proposal")
    @APIResponse(responseCode = "409", description = "Adopted already, or the priority is taken")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public ProposalView change(@PathParam("id") UUID id, @PathParam("proposalId") UUID proposalId, @Valid @NotNull ProposalInput request) {
        return ProposalView.of(rounds.propose(id, proposalId, request.subcommitteeId(), request.title(), request.summary(), request.amount(),
                request.priority()));
    }

    @POST
    @Path("/{id}/adoption")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "The plenary adopts the proposals (본회의 의결, 서울시에 제안)",
            description = "우선순위가 1부터 빈틈없고 규모의 합이 총액 이하일 때만 (422, 초과액). 의결하면 YouthBudgetProposed 사건으로 서울시에 제안한다.")
    @APIResponse(responseCode = "200", description = "Adopted", content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", description = "Unknown round")
    @APIResponse(responseCode = "409", description = "Adopted already")
    @APIResponse(responseCode = "422", description = "Over the total, a gap in the priorities, or no proposal")
    public RoundView adopt(@PathParam("id") UUID id, @Valid @NotNull Adoption request) {
        return RoundView.of(rounds.adopt(id, request.adoptedOn()));
    }
}
