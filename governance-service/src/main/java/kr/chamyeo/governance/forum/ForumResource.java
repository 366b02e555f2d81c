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
@Tag(name = "Forums", description = "Deliberative forums (숙의·공론장) of the district youth participation bodies (자치구 청년참여기구)")
@Produces(MediaType.APPLICATION_JSON)
public class ForumResource {

    @Inject
    Caller caller;

    @Inject
    ForumService forums;

    @Schema(description = "Record a deliberative forum (숙의·공론장 등록)")
    public record NewForum(@NotBlank @DistrictCode @Schema(example = "11545") String district,
                           @NotNull @PastOrPresent @Schema(example = "2019-06-15") LocalDate heldOn,
                           @NotNull @Schema(example = "DELIBERATION") Forum.Kind kind,
                           @NotBlank @Size(max = 200) @Schema(example = "금천 청년 주거 숙의 1차") String topic,
                           @NotNull @Min(0) @Max(10000) @Schema(example = "12") Integer participants,
                           @Size(max = 10000) @Schema(description = "Names of participants who consented to publication (공개에 동의한 참여자 이름)") List<@NotBlank @Size(max = 50) String> consentedPeople) {
    }

    @Schema(description = "Deliberative forum (숙의·공론장, public information)")
    public record ForumView(UUID id, String district, String districtName, LocalDate heldOn, Forum.Kind kind, String topic,
                            int participants) {
        static ForumView of(Forum f) {
            return new ForumView(f.id, f.district, SeoulDistricts.name(f.district), f.heldOn, f.kind, f.topic, f.participants);
        }
    }

    @Schema(name = "ForumImportResult", description = "Import result (가져오기 결과)")
    public record ImportResult(@Schema(description = "Number of forums loaded (적재한 공론장 수)", example = "54") int imported,
                               @Schema(description = "Number of district participation tracks loaded (적재한 자치구 참여 유형 수)", example = "23") int tracks,
                               @Schema(example = "seed-000-2019") String source) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Record a forum (숙의·공론장 등록)", description = "The district's officer or the city (자치구 담당 공무원 또는 서울시) records a deliberative forum held (숙의·공론장 개최 기록).")
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
    @Operation(summary = "Forums by district and year (숙의·공론장 목록)", description = "Public list (공개 목록): participants' names (참여자 이름) are not included.")
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
            description = "Per year, the number of participating districts, forums and participants (e.g. 2019: 16 districts, 54 forums, 347 people; 16개 자치구, 54회, 347명) and the district participation tracks (자치구 참여 유형) "
                    + "(2019: 16 district deliberative (자치구 숙의형), 7 governance activation support programme (거버넌스 활성화 지원사업), 23 districts with a youth participation body (청년참여기구)).")
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
            description = "Loads seed 000's 2019 district deliberative forum data (자치구 숙의형 공론장 자료: 16 districts, 54 forums, 347 people) and the district participation tracks (자치구 참여 유형: deliberative 16 (숙의형), "
                    + "governance activation support programme 7 (거버넌스 활성화 지원사업)). What is already loaded is not loaded again. "
                    + "The per-session breakdown (회차별 내역) is synthetic data matched to the totals (see the header of seed-data/forums-2019.csv).")
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
