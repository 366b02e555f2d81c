package kr.chamyeo.voting.election;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import kr.chamyeo.election.KeyCeremony.Complaint;
import kr.chamyeo.election.KeyCeremony.Round1;
import kr.chamyeo.election.KeyCeremony.Round2;
import kr.chamyeo.election.KeyCeremony.TrusteeKey;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.voting.election.CeremonyService.ElectionView;

@Path("/elections")
@Tag(name = "Elections", description = "선거관리 패널: trustees, their key ceremony and the election key ballots are encrypted under "
        + "(PROTOCOL.md §5)")
@Produces(MediaType.APPLICATION_JSON)
public class ElectionResource {

    @Schema(description = "2차 단계: the verification key, or complaints naming trustees whose shares fail")
    public record Round2Submission(Round2 round2, List<@NotNull Complaint> complaints) {
    }

    @Inject
    CeremonyService ceremony;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "Form an election panel (선거관리 패널 구성)", description = "Names n trustees (by token subject) and the "
            + "threshold k of them needed to count (default 3 of 5). A district officer forms panels for their district; a city "
            + "administrator also city-wide ones. Ballots of a district are encrypted under its newest ready panel's key, else "
            + "the city's.")
    @APIResponse(responseCode = "201", description = "Formed; the ceremony starts",
            content = @Content(schema = @Schema(implementation = ElectionView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of that district (or city-wide without CITY_ADMIN)")
    @APIResponse(responseCode = "422", description = "Invalid panel (field and rule named)")
    public Response create(@Valid @NotNull ElectionSpec spec) {
        if (spec.ownerDistrict() == null) {
            if (!caller.isCityAdmin()) {
                throw ProblemException.forbidden("Only a city administrator forms a city-wide panel");
            }
        } else {
            caller.requireDistrict(spec.ownerDistrict(), Roles.OFFICER);
        }
        return Response.status(201).entity(ceremony.create(spec)).build();
    }

    @GET
    @PermitAll
    @Operation(summary = "List election panels (선거관리 패널 목록)", description = "Newest first; with a district, its panels and the "
            + "city-wide ones.")
    @APIResponse(responseCode = "200", description = "Panels")
    @APIResponse(responseCode = "400", description = "Not a district code")
    public List<ElectionView> list(@QueryParam("district") @DistrictCode String district) {
        return ceremony.list(district);
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Trustees.ROLE)
    @Operation(summary = "My trustee seats (내 관리인 자리)", description = "The elections (not failed) in which the caller holds a "
            + "seat: what the trustee command works through.")
    @APIResponse(responseCode = "200", description = "Seats")
    public List<CeremonyService.SeatOf> mine() {
        return ceremony.seatsOf(caller.subject());
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "An election panel (선거관리 패널)", description = "Public material only: each trustee's key, commitments, "
            + "encrypted shares and verification key, and the election public key once READY.")
    @APIResponse(responseCode = "200", description = "The panel", content = @Content(schema = @Schema(implementation = ElectionView.class)))
    @APIResponse(responseCode = "404", description = "No such election")
    public ElectionView get(@PathParam("id") UUID id) {
        return ceremony.view(id);
    }

    @PUT
    @Path("/{id}/trustees/{seat}/key")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Trustees.ROLE)
    @Operation(summary = "Publish a trustee key (관리인 공개키)", description = "Step 1: the seat's long-term public key with a proof of "
            + "knowledge bound to the election and seat.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = ElectionView.class)))
    @APIResponse(responseCode = "403", description = "The token's subject does not hold this seat")
    @APIResponse(responseCode = "404", description = "No such election or seat")
    @APIResponse(responseCode = "409", description = "Already published, or the ceremony is over")
    @APIResponse(responseCode = "422", description = "For another election or seat, or the proof does not verify")
    public ElectionView key(@PathParam("id") UUID id, @PathParam("seat") @Min(1) @Max(20) int seat, @Valid @NotNull TrusteeKey key) {
        return ceremony.publishKey(id, seat, caller.subject(), key);
    }

    @PUT
    @Path("/{id}/trustees/{seat}/round1")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Trustees.ROLE)
    @Operation(summary = "Publish round 1 (1차: 약속값과 암호화된 몫)", description = "Step 2, once every trustee key is published: "
            + "commitments to the seat's polynomial and its shares encrypted to the other trustees' keys.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = ElectionView.class)))
    @APIResponse(responseCode = "403", description = "The token's subject does not hold this seat")
    @APIResponse(responseCode = "404", description = "No such election or seat")
    @APIResponse(responseCode = "409", description = "Already published, waiting for other trustees' keys, or the ceremony is over")
    @APIResponse(responseCode = "422", description = "For another election or seat, or it fails its public checks")
    public ElectionView round1(@PathParam("id") UUID id, @PathParam("seat") @Min(1) @Max(20) int seat, @Valid @NotNull Round1 message) {
        return ceremony.publishRound1(id, seat, caller.subject(), message);
    }

    @PUT
    @Path("/{id}/trustees/{seat}/round2")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Trustees.ROLE)
    @Operation(summary = "Publish round 2 (2차: 검증키 또는 이의)", description = "Step 3, once every round-1 message is published: the "
            + "seat's verification key with a proof, or complaints against trustees whose shares fail (the ceremony then ends "
            + "FAILED). The last verification key makes the election READY with its public key.")
    @APIResponse(responseCode = "200", description = "Published", content = @Content(schema = @Schema(implementation = ElectionView.class)))
    @APIResponse(responseCode = "403", description = "The token's subject does not hold this seat")
    @APIResponse(responseCode = "404", description = "No such election or seat")
    @APIResponse(responseCode = "409", description = "Already published, waiting for round 1, or the ceremony is over")
    @APIResponse(responseCode = "422", description = "For another election or seat, or the verification key does not check")
    public ElectionView round2(@PathParam("id") UUID id, @PathParam("seat") @Min(1) @Max(20) int seat,
                               @Valid @NotNull Round2Submission submission) {
        return ceremony.publishRound2(id, seat, caller.subject(), submission.round2(), submission.complaints());
    }
}
