package kr.chamyeo.voting.ballot;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
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
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.Problem;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@Path("/ballots")
@Tag(name = "Ballots", description = "Ballots: open, view and close (엠보팅 투표 개설·조회·마감)")
@Produces(MediaType.APPLICATION_JSON)
public class BallotResource {

    @Inject
    BallotService service;

    @Inject
    BallotStore store;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Open a ballot (투표 개설)", description = "An officer of the owner district (or a city administrator) opens "
            + "a ballot: eligibility, window (opens-at inclusive, closes-at exclusive), options and rule (SINGLE 단일, "
            + "APPROVAL 복수 min..max, BUDGET 예산 한도). Publishes BallotOpened on voting.ballots.")
    @APIResponse(responseCode = "201", description = "Ballot created", content = @Content(schema = @Schema(implementation = BallotView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the owner district, or an electorate beyond it (city-wide or "
            + "another district's residents: CITY_ADMIN only)")
    @APIResponse(responseCode = "422", description = "Invalid ballot (field and rule named)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(value = "{\"type\":\"…/rule-violation\",\"status\":422,\"errors\":[{\"field\":\"closesAt\","
                            + "\"message\":\"must be after opensAt\"}]}")))
    public Response create(@Valid @NotNull BallotSpec spec) {
        caller.requireDistrict(spec.ownerDistrict(), Roles.OFFICER);
        requireOwnElectorate(spec);
        Ballot ballot = service.create(spec);
        return Response.status(201).entity(view(ballot)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List ballots (투표 목록)", description = "Newest first; filter by owner district and status.")
    @APIResponse(responseCode = "200", description = "One page of ballots",
            content = @Content(schema = @Schema(implementation = BallotView.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "422", description = "Bad filter or paging")
    public List<BallotView> list(@QueryParam("district") @DistrictCode String district,
                                 @QueryParam("status") @Pattern(regexp = "UPCOMING|OPEN|CLOSING|COUNTING|CLOSED",
                                         message = "one of UPCOMING, OPEN, CLOSING, COUNTING, CLOSED") String status,
                                 @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                 @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(district, status, page, size, Instant.now());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "Get a ballot (투표 조회)", description = "Definition and status; voters and bulletin hash after closing.")
    @APIResponse(responseCode = "200", description = "The ballot", content = @Content(schema = @Schema(implementation = BallotView.class)))
    @APIResponse(responseCode = "404", description = "No such ballot")
    public BallotView get(@PathParam("id") UUID id) {
        return view(store.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id)));
    }

    /**
     * An officer opens ballots for their own district's residents only: owning a ballot in 11545 must not let an
     * officer poll 11680's residents or all of Seoul (issue 23). A wider electorate is the city's to open.
     */
    private void requireOwnElectorate(BallotSpec spec) {
        if (caller.isCityAdmin()) {
            return;
        }
        List<String> districts = spec.eligibility() == null ? null : spec.eligibility().districts();
        if (districts == null || districts.isEmpty() || districts.stream().anyMatch(d -> !d.equals(spec.ownerDistrict()))) {
            throw ProblemException.forbidden("An officer opens ballots for their own district's residents only: "
                    + "eligibility.districts must be [\"" + spec.ownerDistrict() + "\"]; a city-wide or another district's "
                    + "electorate needs CITY_ADMIN");
        }
    }

    private BallotView view(Ballot ballot) {
        return BallotView.of(ballot, store.state(ballot.id()), Instant.now());
    }
}
