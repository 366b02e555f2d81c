package kr.chamyeo.voting.closing;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.ballot.BallotView;

/**
 * An officer ends voting (투표 마감). It lives with the closing it triggers, not with the ballot's definition, so the
 * ballot feature does not depend on closing, which reads ballots. Path, tag and operationId are the ones clients
 * have always used ({@code ballotClose}).
 */
@Path("/ballots/{id}/close")
@Tag(name = "Ballots")
@Produces(MediaType.APPLICATION_JSON)
public class ClosingResource {

    @Inject
    BallotStore store;

    @Inject
    BallotCloser closer;

    @Inject
    Caller caller;

    @Schema(description = "Why voting ends now: required before closes-at (조기 마감 사유), shown with the ballot and in its record")
    public record CloseRequest(@Size(max = EarlyClosing.MAX_REASON) @Schema(example = "선거 관리 사고: 투표 안내 문자 오발송")
                               String reason) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(operationId = "ballotClose", summary = "End voting now (투표 마감)", description = "Ends voting at once, also before "
            + "closes-at, and freezes the board: the ballot is COUNTING until its trustees have shuffled and decrypted it, "
            + "which publishes the decrypted ballots in BallotBoxChunk events, then BallotClosed. Voting ends exactly once. "
            + "Before closes-at a reason is required (조기 마감 사유): it is public in the ballot (closeReason) and its "
            + "election record (closing.reason), and the request is in the audit trail with the officer's role and district.")
    @APIResponse(responseCode = "200", description = "Voting ended (COUNTING, or CLOSED at once when nobody voted)",
            content = @Content(schema = @Schema(implementation = BallotView.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of the owner district")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Voting already ended")
    @APIResponse(responseCode = "422", description = "No reason to end voting before closes-at")
    public BallotView close(@PathParam("id") UUID id, @Valid CloseRequest request) {
        Ballot ballot = store.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        caller.requireDistrict(ballot.ownerDistrict(), Roles.OFFICER);
        String reason = EarlyClosing.reason(ballot.closesAt(), Instant.now(), request == null ? null : request.reason());
        if (closer.close(id, false, reason).isEmpty()) {
            throw ProblemException.conflict("already-closed", "Voting on ballot " + id + " has already ended");
        }
        return BallotView.of(ballot, store.state(id), Instant.now());
    }
}
