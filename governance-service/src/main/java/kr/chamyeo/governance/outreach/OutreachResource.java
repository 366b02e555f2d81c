package kr.chamyeo.governance.outreach;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

import kr.chamyeo.governance.district.Regions;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.Problem;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/outreach")
@Tag(name = "Outreach centres", description = "찾아가는 동 주민센터 자치구 민관협력 지원")
@Produces(MediaType.APPLICATION_JSON)
public class OutreachResource {

    @Inject
    Caller caller;

    @Schema(description = "참여 자치구와 단계, 간담회·자문회의 개최 여부")
    public record ParticipantView(String district, String name, OutreachDistrict.Stage stage, long meetings, long advisoryMeetings) {
    }

    @Schema(description = "민관협력 간담회(MEETING) 또는 자문회의(ADVISORY) 결과")
    public record NewMeeting(@NotNull OutreachMeeting.Kind kind, @NotNull @Schema(example = "2016-04-12") LocalDate heldOn,
                             @NotNull @Min(0) @Max(10000) @Schema(example = "32") Integer participants,
                             @NotBlank @Size(max = 5000) @Schema(example = "동 복지협의체와 종합복지관 역할 분담 합의") String result) {
    }

    @Schema(description = "컨설팅 요청")
    public record NewConsulting(@NotNull LocalDate requestedOn, @NotBlank @Size(max = 300) @Schema(example = "민관 사례회의 운영 방법") String topic) {
    }

    @Schema(description = "컨설팅 답변")
    public record Answer(@NotNull LocalDate answeredOn, @NotBlank @Size(max = 5000) String answer) {
    }

    @POST
    @Path("/imports/2016")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(summary = "Load the seed's 2016 participating districts (2016 참여 자치구 적재)", description = "seed 003: 1단계 전동 4, 일부 9, 2단계 신규 4 = 17개 자치구.")
    @APIResponse(responseCode = "200", description = "Number loaded (0 if already there)")
    @APIResponse(responseCode = "403", description = "Not a city administrator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public java.util.Map<String, Integer> importSeed() {
        if (OutreachDistrict.count("year", 2016) > 0) {
            return java.util.Map.of("imported", 0);
        }
        int imported = 0;
        try (InputStream in = OutreachResource.class.getResourceAsStream("/seed-data/outreach-2016.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] row = line.split(",");
                OutreachDistrict d = new OutreachDistrict();
                d.year = 2016;
                d.district = Regions.codeOf(row[0]);
                d.stage = OutreachDistrict.Stage.valueOf(row[1]);
                d.persist();
                imported++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return java.util.Map.of("imported", imported);
    }

    @GET
    @Path("/districts")
    @PermitAll
    @Transactional
    @Operation(summary = "Participating districts by stage (단계별 참여 자치구)", description = "연도별 참여 자치구, 단계, 간담회·자문회의 개최 수.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = ParticipantView[].class)))
    @APIResponse(responseCode = "422", description = "Missing year", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ParticipantView> participants(@Parameter(required = true) @QueryParam("year") Integer year) {
        if (year == null) {
            throw ProblemException.unprocessable("year", "is required");
        }
        List<OutreachDistrict> all = OutreachDistrict.list("year = ?1 order by stage, district", year);
        return all.stream().map(d -> new ParticipantView(d.district, SeoulDistricts.name(d.district), d.stage,
                OutreachMeeting.count("year = ?1 and district = ?2 and kind = ?3", year, d.district, OutreachMeeting.Kind.MEETING),
                OutreachMeeting.count("year = ?1 and district = ?2 and kind = ?3", year, d.district, OutreachMeeting.Kind.ADVISORY))).toList();
    }

    @POST
    @Path("/districts/{district}/meetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Transactional
    @Operation(summary = "Record a public–private or advisory meeting (간담회·자문회의 결과)", description = "참여 자치구만 기록할 수 있다.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "Other district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not participating that year, or invalid", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response meeting(@PathParam("district") String district, @Valid @NotNull NewMeeting request) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        int year = request.heldOn().getYear();
        if (OutreachDistrict.count("year = ?1 and district = ?2", year, district) == 0) {
            throw ProblemException.unprocessable("heldOn", SeoulDistricts.name(district) + " does not take part in " + year);
        }
        OutreachMeeting m = new OutreachMeeting();
        m.id = UUID.randomUUID();
        m.year = year;
        m.district = district;
        m.kind = request.kind();
        m.heldOn = request.heldOn();
        m.participants = request.participants();
        m.result = request.result();
        m.persist();
        return Response.status(201).entity(m).build();
    }

    @POST
    @Path("/districts/{district}/consulting-requests")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Transactional
    @Operation(summary = "Ask for consulting (컨설팅 요청)", description = "자치구가 시 추진지원단에 수시 컨설팅을 요청한다.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "403", description = "Other district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response consulting(@PathParam("district") String district, @Valid @NotNull NewConsulting request) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        ConsultingRequest c = new ConsultingRequest();
        c.id = UUID.randomUUID();
        c.district = district;
        c.requestedOn = request.requestedOn();
        c.topic = request.topic();
        c.status = ConsultingRequest.Status.OPEN;
        c.persist();
        return Response.status(201).entity(c).build();
    }

    @POST
    @Path("/consulting-requests/{id}/answer")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.CITY_ADMIN)
    @Transactional
    @Operation(summary = "Answer a consulting request (컨설팅 처리)", description = "시 추진지원단이 답변하고 처리 완료한다.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "404", description = "Unknown request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Answer before request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsultingRequest answer(@PathParam("id") UUID id, @Valid @NotNull Answer request) {
        ConsultingRequest c = ConsultingRequest.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Consulting request", id);
        }
        if (c.status == ConsultingRequest.Status.ANSWERED) {
            throw ProblemException.conflict("already-answered", "Consulting request " + id + " was answered on " + c.answeredOn);
        }
        if (request.answeredOn().isBefore(c.requestedOn)) {
            throw ProblemException.unprocessable("answeredOn", "must not be before the request (" + c.requestedOn + ")");
        }
        c.status = ConsultingRequest.Status.ANSWERED;
        c.answer = request.answer();
        c.answeredOn = request.answeredOn();
        return c;
    }

    @GET
    @Path("/districts/{district}/consulting-requests")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Transactional
    @Operation(summary = "A district's consulting requests (컨설팅 요청 현황)", description = "요청과 처리 상태.")
    @APIResponse(responseCode = "200", description = "OK")
    @APIResponse(responseCode = "403", description = "Other district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ConsultingRequest> requests(@PathParam("district") String district) {
        checkDistrict(district);
        caller.requireDistrict(district, Roles.OFFICER);
        return ConsultingRequest.list("district = ?1 order by requestedOn", district);
    }

    private static void checkDistrict(String district) {
        if (!SeoulDistricts.isDistrict(district)) {
            throw ProblemException.notFound("District", district);
        }
    }
}
