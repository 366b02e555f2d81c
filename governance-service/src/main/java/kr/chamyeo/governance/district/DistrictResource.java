package kr.chamyeo.governance.district;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;

@Path("/districts")
@Tag(name = "Districts", description = "Districts and regions (자치구와 권역)")
@Produces(MediaType.APPLICATION_JSON)
public class DistrictResource {

    @Schema(description = "District (자치구): district code (시군구 코드), name, region (권역)")
    public record District(@Schema(example = "11545") String code, @Schema(example = "금천구") String name,
                           @Schema(example = "서남권") String region) {
    }

    @GET
    @PermitAll
    @Operation(summary = "Seoul's 25 districts with their region (자치구·권역)", description = "The 25 districts (25개 자치구), their standard district codes (시군구 코드) and the 5 living zones (5대 생활권, 권역).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = District[].class)))
    public List<District> all() {
        return SeoulDistricts.all().entrySet().stream().map(e -> new District(e.getKey(), e.getValue(), Regions.of(e.getKey()))).toList();
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(summary = "One district (자치구)", description = "Looks up a district and its region (자치구와 권역) by district code (시군구 코드).")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(schema = @Schema(implementation = District.class)))
    @APIResponse(responseCode = "404", description = "Not a Seoul district code")
    public District one(@PathParam("code") String code) {
        if (!SeoulDistricts.isDistrict(code)) {
            throw ProblemException.notFound("District", code);
        }
        return new District(code, SeoulDistricts.name(code), Regions.of(code));
    }
}
