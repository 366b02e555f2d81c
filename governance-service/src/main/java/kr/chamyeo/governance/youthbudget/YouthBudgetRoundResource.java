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

    @Schema(description = "A year's youth autonomous budget total (청년자율예산 총액) fixed by the city (서울시)")
    public record NewRound(@NotNull @Min(2019) @Max(2100) @Schema(example = "2020") Integer year,
                           @NotNull @Positive @Schema(description = "Total (총액, won 원)", example = "50000000000") Long total) {
    }

    @Schema(description = "The youth council's policy proposal (청년의회의 정책 제안): size (규모, won 원) and priority (우선순위, 1 comes first)")
    public record ProposalInput(@Schema(description = "Proposing subcommittee (제안한 분과), one of that year's youth council subcommittees", nullable = true) UUID subcommitteeId,
                                @NotBlank @Size(max = 300) @Schema(example = "청년 1인가구 주거비 지원") String title,
                                @Size(max = 4000) String summary,
                                @NotNull @Positive @Schema(description = "Size (규모, won 원)", example = "3000000000") Long amount,
                                @NotNull @Min(1) @Max(1000) @Schema(description = "Priority (우선순위)", example = "1") Integer priority) {
    }

    @Schema(description = "Plenary adoption (본회의 의결)")
    public record Adoption(@NotNull @Schema(example = "2020-07-25") LocalDate adoptedOn) {
    }

    @Schema(description = "Policy proposal (정책 제안)")
    public record ProposalView(UUID id, int priority, String title, String summary, @Schema(nullable = true) UUID subcommitteeId,
                               @Schema(nullable = true) String subcommittee, long amount) {
        static ProposalView of(YouthBudgetProposal p) {
            return new ProposalView(p.id, p.priority, p.title, p.summary, p.subcommitteeId, YouthBudgetRoundService.subcommittee(p.subcommitteeId),
                    p.amount);
        }
    }

    @Schema(description = "A year's youth autonomous budget (청년자율예산 편성): total, sum of proposals and remaining amount, proposals in priority order")
    public record RoundView(UUID id, @Schema(example = "2020") int year, @Schema(description = "Total (총액, won 원)") long total,
                            @Schema(description = "Sum of proposals (제안 합계, won 원)") long proposed, @Schema(description = "Total − sum of proposals (총액 − 제안 합계); negative means over (초과)") long remaining,
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
    @Operation(summary = "Fix a year's total (청년자율예산 총액 설정)", description = "City admin (시 관리자). One a year; the youth council (청년의회) proposes within this total.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "409", description = "The year has its total")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response open(@Valid @NotNull NewRound request) {
        return Response.status(201).entity(RoundView.of(rounds.open(request.year(), request.total()))).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A year's youth budget and the council's proposals (청년자율예산 편성 현황)", description = "Public: total (총액), sum of proposals (제안 합계), remaining amount (남은 금액), proposals in priority order (우선순위순 제안).")
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
            description = "City admin (시 관리자, the youth council secretariat 청년의회 사무국). Only during deliberation (숙의 중); each proposal has its own priority (우선순위; equal means 409).")
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
    @Operation(summary = "Change a proposal's size or priority (제안 규모·우선순위 조정)", description = "Only during deliberation (숙의 중에만).")
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
            description = "Only when the priorities (우선순위) run from 1 without gaps and the sizes add up to at most the total (총액) (422, with the excess 초과액). On adoption (의결) the proposals go to the city (서울시) as a YouthBudgetProposed event.")
    @APIResponse(responseCode = "200", description = "Adopted", content = @Content(schema = @Schema(implementation = RoundView.class)))
    @APIResponse(responseCode = "404", description = "Unknown round")
    @APIResponse(responseCode = "409", description = "Adopted already")
    @APIResponse(responseCode = "422", description = "Over the total, a gap in the priorities, or no proposal")
    public RoundView adopt(@PathParam("id") UUID id, @Valid @NotNull Adoption request) {
        return RoundView.of(rounds.adopt(id, request.adoptedOn()));
    }
}
