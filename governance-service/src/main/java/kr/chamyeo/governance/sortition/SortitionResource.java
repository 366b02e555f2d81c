package kr.chamyeo.governance.sortition;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.governance.sortition.SortitionApi.CreateSortition;
import kr.chamyeo.governance.sortition.SortitionApi.DistributionView;
import kr.chamyeo.governance.sortition.SortitionApi.DrawRequest;
import kr.chamyeo.governance.sortition.SortitionApi.SortitionSummary;
import kr.chamyeo.governance.sortition.SortitionApi.SortitionView;
import kr.chamyeo.governance.sortition.SortitionApi.Verification;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/sortitions")
@Tag(name = "Sortition", description = "공정 추첨 (시민배심원·주민자치회 위원 추첨)")
@Produces(MediaType.APPLICATION_JSON)
public class SortitionResource {

    @Inject
    SortitionService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Create a fair sortition (공정 추첨 생성)", description = "지원자 풀에서 할당(성·연령대·지역 등)을 "
            + "지키는 패널을 뽑는다. LEXIMIN 공정성: 할당을 지키는 패널들 위의 확률분포 중 가장 낮은 선발 확률을 최대화하고, "
            + "그 다음 낮은 확률을 차례로 최대화한다 (Flanigan et al., Nature 2021). 응답에 지원자별 선발 확률이 있다. 시드의 SHA-256 을 먼저 공개하고, 추첨 후 시드를 공개한다. "
            + "drawNow=false 이면 시드 해시만 공개하고 /draw 를 기다린다: 서비스는 시드를 저장하지 않고 응답의 sealedSeed 로 한 번만 "
            + "담당자에게 준다. 추첨은 시드와 추첨식에서 정한 공개값을 섞은 값으로 한다. citizensJury 가 있으면 주민배심원(seed 004)의 자격을 먼저 확인한다: "
            + "35 + 5명, 지원자 200–300명, 임기 첫날 만 18세 이상, 운영기간 90일 이내.")
    @APIResponse(responseCode = "201", description = "Created", content = @Content(schema = @Schema(implementation = SortitionView.class)))
    @APIResponse(responseCode = "422", description = "Invalid input or quotas that cannot all be met (conflictingQuotas)")
    @APIResponse(responseCode = "403", description = "Other district's officer")
    public Response create(@Valid @NotNull CreateSortition request) {
        caller.requireDistrict(request.district(), Roles.OFFICER);
        return Response.status(201).entity(service.create(request)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List sortitions (추첨 목록)", description = "구·최신순 추첨 목록. 공개 정보만: 상태, 인원, 지원자 수, "
            + "시드 해시와 (추첨 후) 시드. 지원자 풀·선발자는 담당자 조회(/{id})에서만 보인다.")
    @APIResponse(responseCode = "200", description = "A page of sortitions", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "422", description = "Invalid filter or paging")
    public Page<SortitionSummary> list(@QueryParam("district") @DistrictCode String district,
                                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(district, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A sortition with inputs, commitment, seed, panel and probabilities (추첨 조회)",
            description = "입력(지원자 풀·할당), 시드 해시, (추첨 후) 시드, 선발자, 예비자, 지원자별 선발 확률.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = SortitionView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "404", description = "Unknown id")
    public SortitionView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Path("/{id}/distribution")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "The lottery over panels (패널 확률분포)", description = "LEXIMIN LP 의 해: 유형, 구성(유형별 인원)과 각 구성의 확률. 추첨 재현에 쓴다.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = DistributionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "A failed lottery has no distribution")
    public DistributionView distribution(@PathParam("id") UUID id) {
        return service.distribution(id);
    }

    @POST
    @Path("/{id}/draw")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Draw at the public ceremony and reveal the seed (공개 추첨식·시드 공개)", description = "담당자가 생성 때 받은 시드"
            + "(해시가 seedCommitment 와 같아야 한다)와 추첨식에서 공개로 정한 값을 입력한다. 추첨 시드 = hex(SHA-256(\"chamyeo-sortition:\" + "
            + "seed + \":\" + publicValue)); 시드와 공개값을 공개하므로 누구나 추첨을 다시 계산할 수 있다. 추첨 전 저장된 자료만으로는 "
            + "패널을 알 수 없다.")
    @APIResponse(responseCode = "200", description = "Drawn", content = @Content(schema = @Schema(implementation = SortitionView.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Already drawn or failed")
    @APIResponse(responseCode = "422", description = "No public value, or a seed that does not match the commitment")
    public SortitionView draw(@PathParam("id") UUID id, @Valid @NotNull DrawRequest request) {
        return service.draw(id, request);
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Re-run the draw from the revealed seed (추첨 검증)", description = "공개된 시드와 저장된 입력·분포로 다시 추첨해 결과를 비교한다.")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "404", description = "Unknown id")
    @APIResponse(responseCode = "409", description = "Not drawn yet")
    public Verification verify(@PathParam("id") UUID id) {
        return service.verify(id);
    }
}
