package kr.chamyeo.community.tax;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.community.council.Council;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/resident-tax")
@Tag(name = "Resident tax return (주민세 개인균등분 환원)")
@Produces(MediaType.APPLICATION_JSON)
public class ResidentTaxResource {

    @Inject
    Caller caller;

    @Inject
    ResidentTaxService taxes;

    @Schema(description = "A district's collection in a year (원) with the equal share per dong")
    public record CollectionView(String district, String districtName, int year, long levied, long collected,
                                 @Schema(description = "collected ÷ levied") java.math.BigDecimal collectionRate,
                                 int dongs, long perDong, long remainder) {
    }

    @Schema(description = "Collections of a year across the districts shown, with totals")
    public record CollectionTable(int year, long levied, long collected, int dongs, List<CollectionView> districts) {
    }

    @Schema(description = "Report of resident-tax collection (주민세 징수 보고), in won (원)")
    public record CollectionReport(@NotNull @PositiveOrZero Long levied, @NotNull @PositiveOrZero Long collected,
                                   @NotNull @Positive @Max(1000) Integer dongs) {
    }

    @Schema(description = "A dong's allocation for a budget year: the previous year's collection shared equally among the district's dongs")
    public record DongAllocation(String district, String dong, boolean councilEstablished, long amount) {
    }

    @Schema(description = "Allocations of a budget year in one district")
    public record AllocationView(String district, int year, int collectionYear, long collected, int dongs, long perDong,
                                 long remainder, List<DongAllocation> councilDongs) {
    }

    @GET
    @Path("/collections")
    @PermitAll
    @Operation(summary = "Collections by district (주민세 개인균등분 부과·징수 현황)", description = "Public. The seed's 2016 table is loaded at start-up.")
    @APIResponse(responseCode = "200", description = "Table", content = @Content(schema = @Schema(implementation = CollectionTable.class)))
    @APIResponse(responseCode = "422", description = "Year missing")
    public CollectionTable collections(@QueryParam("year") @NotNull @Min(2000) @Max(2100) Integer year) {
        List<CollectionView> rows = taxes.collections(year).stream().map(this::view).toList();
        return new CollectionTable(year, rows.stream().mapToLong(CollectionView::levied).sum(),
                rows.stream().mapToLong(CollectionView::collected).sum(), rows.stream().mapToInt(CollectionView::dongs).sum(), rows);
    }

    @PUT
    @Path("/collections/{district}/{year}")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report a year's collection (징수 실적 보고)", description = "By the district's officer (세무과) or a city administrator.")
    @APIResponse(responseCode = "200", description = "Recorded", content = @Content(schema = @Schema(implementation = CollectionView.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid figures")
    public CollectionView report(@PathParam("district") @DistrictCode String district, @PathParam("year") @Min(2000) @Max(2100) int year,
                                 @Valid @NotNull CollectionReport report) {
        caller.requireDistrict(district, Roles.OFFICER);
        return view(taxes.report(district, year, report.levied(), report.collected(), report.dongs()));
    }

    @GET
    @Path("/allocations")
    @PermitAll
    @Operation(summary = "Each dong's allocation for a budget year (동별 배분액)",
            description = "The previous year's collection of the district, shared equally among its dongs (rounded down to the won); "
                    + "listed for the dongs whose 주민자치회 is established that year. Public.")
    @APIResponse(responseCode = "200", description = "Allocations", content = @Content(schema = @Schema(implementation = AllocationView.class)))
    @APIResponse(responseCode = "404", description = "No collection for the previous year")
    @APIResponse(responseCode = "422", description = "Bad district or year")
    public AllocationView allocations(@QueryParam("district") @NotNull @DistrictCode String district,
                                      @QueryParam("year") @NotNull @Min(2001) @Max(2100) Integer year) {
        ResidentTaxCollection c = taxes.collection(district, year - 1);
        TaxReturn.Allocation a = TaxReturn.perDong(c.collected, c.dongs);
        List<DongAllocation> dongs = Council.inDistrict(district).stream()
                .map(k -> new DongAllocation(district, k.dong, k.rolloutYear <= year, k.rolloutYear <= year ? a.perDong() : 0)).toList();
        return new AllocationView(district, year, c.year, c.collected, c.dongs, a.perDong(), a.remainder(), dongs);
    }

    private CollectionView view(ResidentTaxCollection c) {
        TaxReturn.Allocation a = TaxReturn.perDong(c.collected, c.dongs);
        java.math.BigDecimal rate = c.levied == 0 ? null : java.math.BigDecimal.valueOf(c.collected)
                .divide(java.math.BigDecimal.valueOf(c.levied), 4, java.math.RoundingMode.HALF_UP);
        return new CollectionView(c.district, SeoulDistricts.name(c.district), c.year, c.levied, c.collected, rate, c.dongs, a.perDong(), a.remainder());
    }
}
