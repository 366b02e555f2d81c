package kr.chamyeo.governance.contest;

import java.time.OffsetDateTime;
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

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/contests")
@Tag(name = "Innovation contests", description = "Innovation contests: entries, written review, online vote for the shortlist (혁신행정 우수사례 경진대회)")
@Produces(MediaType.APPLICATION_JSON)
public class ContestResource {

    @Inject
    Caller caller;

    @Inject
    ContestService contests;

    @Schema(description = "Open a contest (경진대회 개설)")
    public record NewContest(@NotNull @DistrictCode @Schema(example = "11545") String district,
                             @NotNull @Min(2000) @Max(2100) @Schema(example = "2021") Integer year,
                             @NotBlank @Size(max = 200) @Schema(example = "혁신행정 우수사례 경진대회") String title,
                             @Min(1) @Max(100) @Schema(description = "Number of entries the online vote selects (온라인 투표로 선정할 건수, default 10)", example = "10") Integer shortlistSize) {
    }

    @Schema(description = "A department's case entry (부서의 사례 접수)")
    public record NewEntry(@NotBlank @Size(max = 100) @Schema(example = "자치행정과") String department,
                           @NotBlank @Size(max = 300) @Schema(example = "비대면 주민자치회 온라인 총회") String title,
                           @Size(max = 4000) @Schema(example = "코로나19 이후 주민총회를 온라인으로 열어 참여를 넓힌 사례") String summary) {
    }

    @Schema(name = "ContestReview", description = "Written review result (서면심사 결과); SCREENED_OUT requires a reason (사유 필수)")
    public record Review(@NotNull @Schema(example = "PASSED") ContestEntry.Review review,
                         @NotNull @Min(0) @Max(100) @Schema(description = "Written review score (서면심사 점수)", example = "82") Integer score,
                         @Size(max = 1000) @Schema(example = "정부혁신 가치 반영") String note) {
    }

    @Schema(description = "Online vote period (온라인 투표 기간): start included, close excluded")
    public record VoteWindow(@NotNull @Schema(example = "2030-08-02T00:00:00Z") OffsetDateTime opensAt,
                             @NotNull @Schema(example = "2030-08-09T00:00:00Z") OffsetDateTime closesAt) {
    }

    @Schema(description = "Entered case (접수 사례, public)")
    public record EntryView(UUID id, @Schema(description = "Ballot option key (투표 선택지 키)", example = "e-1") String key, String department, String title,
                            String summary, @Schema(nullable = true) ContestEntry.Review review, @Schema(nullable = true) Integer score,
                            @Schema(nullable = true) String reviewNote, @Schema(description = "Votes received (득표, after the vote)", nullable = true) Long votes,
                            @Schema(description = "Whether among the 10 selected (10건 선정 여부)") boolean shortlisted) {
        static EntryView of(ContestEntry e) {
            return new EntryView(e.id, e.optionKey(), e.department, e.title, e.summary, e.review, e.score, e.reviewNote, e.votes,
                    e.shortlisted);
        }
    }

    @Schema(description = "Contest with its stage, entered cases and vote result (경진대회와 단계, 접수 사례, 투표 결과)")
    public record ContestView(UUID id, String district, String districtName, int year, String title, int shortlistSize,
                              InnovationContest.Status status, @Schema(nullable = true) String correlationId,
                              @Schema(nullable = true) String ballotId, @Schema(nullable = true) String rejectionReason,
                              @Schema(nullable = true) Long voters, List<EntryView> entries) {
        static ContestView of(InnovationContest c) {
            return new ContestView(c.id, c.district, SeoulDistricts.name(c.district), c.year, c.title, c.shortlistSize, c.status,
                    c.correlationId, c.ballotId, c.rejectionReason, c.voters, ContestEntry.of(c.id).stream().map(EntryView::of).toList());
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Open a contest (경진대회 개설)",
            description = "District officer of their own district or city admin (자치구 공무원 또는 시 관리자). seed 004: Geumcheon-gu innovative administration best practice contest (금천구 혁신행정 우수사례 경진대회), 10 selected by online vote (온라인 투표로 10건 선정).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ContestView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response create(@Valid @NotNull NewContest request) {
        caller.requireDistrict(request.district(), Roles.OFFICER);
        InnovationContest c = contests.create(request.district(), request.year(), request.title(),
                request.shortlistSize() == null ? 10 : request.shortlistSize());
        return Response.status(201).entity(ContestView.of(c)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A contest with its entries, reviews and votes (경진대회 현황)", description = "Public: stage, entered cases (접수 사례), written review (서면심사), votes received and selection (득표와 선정).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ContestView.class)))
    @APIResponse(responseCode = "404", description = "Unknown contest")
    public ContestView one(@PathParam("id") UUID id) {
        return ContestView.of(contests.get(id));
    }

    @POST
    @Path("/{id}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Enter a department's case (사례 접수)", description = "Entries close once the written review (서면심사) starts (409).")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown contest")
    @APIResponse(responseCode = "409", description = "Entries closed")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public Response enter(@PathParam("id") UUID id, @Valid @NotNull NewEntry request) {
        caller.requireDistrict(contests.get(id).district, Roles.OFFICER);
        return Response.status(201).entity(EntryView.of(contests.enter(id, request.department(), request.title(), request.summary()))).build();
    }

    @PUT
    @Path("/{id}/entries/{entryId}/review")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record an entry's written review (1차 서면심사)",
            description = "Passed (통과, PASSED) or screened out (탈락, SCREENED_OUT, reason required) with a score. The first review closes entries (접수 마감), and asking for the vote ends the review too (409).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = EntryView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown contest or entry")
    @APIResponse(responseCode = "409", description = "Review closed")
    @APIResponse(responseCode = "422", description = "Invalid input")
    public EntryView review(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId, @Valid @NotNull Review request) {
        caller.requireDistrict(contests.get(id).district, Roles.OFFICER);
        return EntryView.of(contests.review(id, entryId, request.review(), request.score(), request.note()));
    }

    @POST
    @Path("/{id}/vote")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Ask for the online vote (온라인 투표 요청)",
            description = "When every case's written review (서면심사) is done and more cases passed than the number to select, asks voting-service for a vote of the district's residents (자치구 주민 투표) "
                    + "(BallotRequested, multiple choice up to the number to select, 복수 선택). After the close, the top cases by votes (득표순) up to that number are selected (ties: written review score, then entry order; 동점: 서면심사 점수, 접수 순).")
    @APIResponse(responseCode = "202", description = "Requested", content = @Content(schema = @Schema(implementation = ContestView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown contest")
    @APIResponse(responseCode = "409", description = "Not at the review's end")
    @APIResponse(responseCode = "422", description = "Review incomplete, too few passed, or invalid window")
    public Response vote(@PathParam("id") UUID id, @Valid @NotNull VoteWindow request) {
        caller.requireDistrict(contests.get(id).district, Roles.OFFICER);
        InnovationContest c = contests.requestVote(id, request.opensAt().toInstant(), request.closesAt().toInstant());
        return Response.status(202).entity(ContestView.of(c)).build();
    }
}
