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

    @Schema(description = "경진대회 개설")
    public record NewContest(@NotNull @DistrictCode @Schema(example = "11545") String district,
                             @NotNull @Min(2000) @Max(2100) @Schema(example = "2021") Integer year,
                             @NotBlank @Size(max = 200) @Schema(example = "혁신행정 우수사례 경진대회") String title,
                             @Min(1) @Max(100) @Schema(description = "온라인 투표로 선정할 건수 (기본 10)", example = "10") Integer shortlistSize) {
    }

    @Schema(description = "부서의 사례 접수")
    public record NewEntry(@NotBlank @Size(max = 100) @Schema(example = "자치행정과") String department,
                           @NotBlank @Size(max = 300) @Schema(example = "비대면 주민자치회 온라인 총회") String title,
                           @Size(max = 4000) @Schema(example = "코로나19 이후 주민총회를 온라인으로 열어 참여를 넓힌 사례") String summary) {
    }

    @Schema(name = "ContestReview", description = "서면심사 결과 (SCREENED_OUT 은 사유 필수)")
    public record Review(@NotNull @Schema(example = "PASSED") ContestEntry.Review review,
                         @NotNull @Min(0) @Max(100) @Schema(description = "서면심사 점수", example = "82") Integer score,
                         @Size(max = 1000) @Schema(example = "정부혁신 가치 반영") String note) {
    }

    @Schema(description = "온라인 투표 기간 (시작 포함, 마감 미포함)")
    public record VoteWindow(@NotNull @Schema(example = "2030-08-02T00:00:00Z") OffsetDateTime opensAt,
                             @NotNull @Schema(example = "2030-08-09T00:00:00Z") OffsetDateTime closesAt) {
    }

    @Schema(description = "접수 사례 (공개)")
    public record EntryView(UUID id, @Schema(description = "투표 선택지 키", example = "e-1") String key, String department, String title,
                            String summary, @Schema(nullable = true) ContestEntry.Review review, @Schema(nullable = true) Integer score,
                            @Schema(nullable = true) String reviewNote, @Schema(description = "득표 (투표 후)", nullable = true) Long votes,
                            @Schema(description = "10건 선정 여부") boolean shortlisted) {
        static EntryView of(ContestEntry e) {
            return new EntryView(e.id, e.optionKey(), e.department, e.title, e.summary, e.review, e.score, e.reviewNote, e.votes,
                    e.shortlisted);
        }
    }

    @Schema(description = "경진대회와 단계, 접수 사례, 투표 결과")
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
            description = "자치구 공무원(자기 자치구) 또는 시 관리자. seed 004: 금천구 혁신행정 우수사례 경진대회, 온라인 투표로 10건 선정.")
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
    @Operation(summary = "A contest with its entries, reviews and votes (경진대회 현황)", description = "공개: 단계, 접수 사례, 서면심사, 득표와 선정.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ContestView.class)))
    @APIResponse(responseCode = "404", description = "Unknown contest")
    public ContestView one(@PathParam("id") UUID id) {
        return ContestView.of(contests.get(id));
    }

    @POST
    @Path("/{id}/entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Enter a department's case (사례 접수)", description = "서면심사가 시작되면 접수를 마감한다 (409).")
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
            description = "통과(PASSED) 또는 탈락(SCREENED_OUT, 사유 필수)과 점수. 첫 심사로 접수가 마감되고, 투표를 요청하면 심사도 끝난다 (409).")
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
            description = "모든 사례의 서면심사가 끝나고 통과한 사례가 선정 건수보다 많을 때, voting-service 에 자치구 주민 투표를 요청한다 "
                    + "(BallotRequested, 복수 선택 최대 선정 건수). 마감 후 득표순 상위 선정 건수가 선정된다 (동점: 서면심사 점수, 접수 순).")
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
