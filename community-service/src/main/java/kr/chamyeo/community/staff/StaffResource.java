package kr.chamyeo.community.staff;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.platform.text.KoreanText;

@Path("/staff")
@Tag(name = "Village staff (마을일자리: 동 자치지원관, 마을자치전문가)")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    private static final String MONTH = "\\d{4}-(0[1-9]|1[0-2])";

    @Inject
    StaffService staff;

    @Inject
    Caller caller;

    @Schema(description = "배치: a person placed in a role for a run of months")
    public record PlacementRequest(
            @NotNull @DistrictCode @Schema(example = "11545") String district,
            @Size(max = 50) @Schema(description = "required for 동 자치지원관 and 마을자치전문가", example = "독산1동") String dong,
            @NotNull StaffRules.Role role,
            @NotBlank @Size(max = 100) @Schema(example = "정지원") String personName,
            @NotNull StaffRules.Funding funding,
            @NotNull @Pattern(regexp = MONTH) @Schema(description = "first month, YYYY-MM", example = "2019-03") String startMonth,
            @NotNull @Pattern(regexp = MONTH) @Schema(description = "last month, YYYY-MM (counted)", example = "2021-01") String endMonth,
            @NotNull @Positive @Schema(description = "Won a month (원)", example = "1710000") Long monthlyPay) {
        /** The 동 as it is stored and compared: {@code 독산1동} however it was typed (NFD, spaces; issue 23). */
        public PlacementRequest {
            dong = KoreanText.dong(dong);
        }
    }

    @Schema(description = "A placement (officers of the district: it names a person)")
    public record PlacementView(UUID id, String district, String dong, StaffRules.Role role, String personName, StaffRules.Funding funding,
                                @Schema(example = "2019-03") String startMonth, @Schema(example = "2021-01") String endMonth,
                                @Schema(example = "23") int months, long monthlyPay) {
        static PlacementView of(StaffPlacement p) {
            YearMonth start = YearMonth.from(p.startMonth);
            YearMonth end = YearMonth.from(p.endMonth);
            return new PlacementView(p.id, p.district, p.dong, p.role, p.personName, p.funding, start.toString(), end.toString(),
                    StaffRules.months(start, end), p.monthlyPay);
        }
    }

    @POST
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Place a person (마을일자리 배치)",
            description = "Seed 002: 뉴딜일자리 last at most 23 months at up to 171만원 a month (422); a dong has at most one 동 자치지원관 and two "
                    + "마을자치전문가 in any month (409). Officers of the district.")
    @APIResponse(responseCode = "201", description = "Placed", content = @Content(schema = @Schema(implementation = PlacementView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "409", description = "The dong has its limit of this role in those months")
    @APIResponse(responseCode = "422", description = "Invalid placement, or a 뉴딜일자리 beyond 23 months or 171만원")
    public Response place(@Valid @NotNull PlacementRequest r) {
        caller.requireDistrict(r.district(), Roles.OFFICER);
        StaffPlacement p = staff.place(r.district(), r.dong(), r.role(), r.personName(), r.funding(), YearMonth.parse(r.startMonth()),
                YearMonth.parse(r.endMonth()), r.monthlyPay(), caller.subject());
        return Response.status(201).entity(PlacementView.of(p)).build();
    }

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A district's placements (배치 현황)", description = "Officers of the district: the list names people.")
    @APIResponse(responseCode = "200", description = "Placements", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = PlacementView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "District missing")
    public List<PlacementView> list(@QueryParam("district") @NotNull @DistrictCode String district) {
        caller.requireDistrict(district, Roles.OFFICER);
        return staff.ofDistrict(district).stream().map(PlacementView::of).toList();
    }
}
