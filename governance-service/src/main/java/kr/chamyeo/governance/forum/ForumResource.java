package kr.chamyeo.governance.forum;

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
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/forums")
@Tag(name = "Forums", description = "숙의·공론장 (자치구 청년참여기구)")
@Produces(MediaType.APPLICATION_JSON)
public class ForumResource {

    @Inject
    Caller caller;

    @Inject
    ForumService forums;

    @Schema(description = "숙의·공론장 등록")
    public record NewForum(@NotBlank @DistrictCode @Schema(example = "11545") String district,
                           @NotNull @PastOrPresent @Schema(example = "2019-06-15") LocalDate heldOn,
                           @NotNull @Schema(example = "DELIBERATION") Forum.Kind kind,
                           @NotBlank @Size(max = 200) @Schema(example = "금천 청년 주거 숙의 1차") String topic,
                           @NotNull @Min(0) @Max(10000) @Schema(example = "12") Integer participants,
                           @Size(max = 10000) @Schema(description = "공개에 동의한 참여자 이름") List<@NotBlank @Size(max = 50) String> consentedPeople) {
    }

    @Schema(description = "숙의·공론장 (공개 정보)")
    public record ForumView(UUID id, String district, String districtName, LocalDate heldOn, Forum.Kind kind, String topic,
                            int participants) {
        static ForumView of(Forum f) {
            return new ForumView(f.id, f.district, SeoulDistricts.name(f.district), f.heldOn, f.kind, f.topic, f.participants);
        }
    }

    @Schema(name = "ForumImportResult", description = "가져오기 결과")
    public record ImportResult(@Schema(description = "적재한 공론장 수", example = "54") int imported,
                               @Schema(description = "적재한 자치구 참여 유형 수", example = "23") int tracks,
                               @Schema(example = "seed-000-2019") String source) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record a forum (숙의·공론장 등록)", description = "자치구 담당 공무원 또는 서울시가 숙의·공론장 개최 기록을 등록한다.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = ForumView.class)))
    @APIResponse(responseCode = "422", description = "Invalid input")
    @APIResponse(responseCode = "401", description = "No token")
    @APIResponse(responseCode = "403", description = "Other district")
    public Response create(@Valid @NotNull NewForum request) {
        caller.requireDistrict(request.district(), Roles.OFFICER);
        Forum f = forums.create(request);
        return Response.status(201).entity(ForumView.of(f)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "Forums by district and year (숙의·공론장 목록)", description = "공개 목록: 참여자 이름은 포함하지 않는다.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ForumView[].class)))
    @APIResponse(responseCode = "422", description = "Bad district or year")
    public List<ForumView> list(@QueryParam("district") String district, @QueryParam("year") Integer year) {
        if (district != null && !SeoulDistricts.isDistrict(district)) {
            throw ProblemException.unprocessable("district", "must be one of Seoul's 25 district codes");
        }
        if (year != null) {
            checkYear(year);
        }
        return forums.find(district, year).stream().map(ForumView::of).toList();
    }

    @GET
    @Path("/statistics")
    @PermitAll
    @Operation(summary = "Forum statistics of a year (숙의·공론장 통계)",
            description = "연도별 참여 자치구 수, 공론장 수, 참여자 수 (예: 2019년 16개 자치구, 54회, 347명)와 자치구 참여 유형 "
                    + "(2019년 자치구 숙의형 16개, 거버넌스 활성화 지원사업 7개, 청년참여기구 23개 자치구).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ForumStatistics.class)))
    @APIResponse(responseCode = "422", description = "Missing or bad year")
    public ForumStatistics statistics(@Parameter(required = true) @QueryParam("year") Integer year) {
        if (year == null) {
            throw ProblemException.unprocessable("year", "is required");
        }
        checkYear(year);
        return forums.statistics(year);
    }

    @POST
    @Path("/imports/{dataset}")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Import the seed's 2019 forum data (2019 공론장 자료 가져오기)",
            description = "seed 000 의 2019년 자치구 숙의형 공론장 자료(16개 자치구, 54회, 347명)와 자치구 참여 유형(숙의형 16, "
                    + "거버넌스 활성화 지원사업 7)을 적재한다. 이미 적재한 것은 다시 적재하지 않는다. "
                    + "자료의 회차별 내역은 합계에 맞춘 합성 자료이다 (seed-data/forums-2019.csv 머리말 참조).")
    @APIResponse(responseCode = "200", description = "Imported (0 if already there)", content = @Content(schema = @Schema(implementation = ImportResult.class)))
    @APIResponse(responseCode = "404", description = "Unknown dataset")
    @APIResponse(responseCode = "403", description = "Not a city administrator")
    public ImportResult importSeed(@PathParam("dataset") String dataset) {
        if (!"2019".equals(dataset)) {
            throw ProblemException.notFound("Dataset", dataset);
        }
        return forums.importSeed2019();
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ProblemException.unprocessable("year", "must be between 2000 and 2100");
        }
    }
}
