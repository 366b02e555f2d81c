package kr.chamyeo.voting.cast;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import kr.chamyeo.election.EncryptedBallot;

/**
 * Benaloh's audit-or-cast (PROTOCOL.md §4.5): an app that lets the voter check its encryption opens a ballot it will
 * not cast by revealing the randomness. Published here, the opened ballot can never be cast afterwards — its content is
 * public (the mistake of Helios issue #297 was to let it through) — and anyone can check the app's honesty from it.
 */
@Path("/ballots/{id}/audited-ballots")
@Tag(name = "Votes")
@Produces(MediaType.APPLICATION_JSON)
public class BallotAuditResource {

    @Schema(description = "An audit opening (감사용 개봉): an encrypted ballot and the randomness that opens it")
    public record Opening(@NotNull @Valid EncryptedBallot ballot,
                          @Schema(description = "r_i per option's choice, 64 hex digits each") @NotNull @Size(min = 1, max = 1000) List<@NotNull String> randomness) {
    }

    @Schema(description = "An opened ballot (개봉된 투표): audited, never castable")
    public record Audited(@Schema(description = "추적 번호 of the audited ballot") String tracker,
                          @Schema(description = "the option keys it encrypts") List<String> choices) {
    }

    @Inject
    AuditedBallots audits;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a ballot for an audit (투표 암호화 감사)", description = "The app reveals the randomness of a ballot it "
            + "encrypted but will not cast; the service checks that it opens (α_i = r_i·G and β_i − r_i·PK is O or G for every option), "
            + "publishes it and refuses it as a vote from then on. The app then encrypts the voter's choices again. No token: "
            + "an audited ballot says nothing about who made it.")
    @APIResponse(responseCode = "200", description = "Opened and published", content = @Content(schema = @Schema(implementation = Audited.class)))
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Already cast: a cast ballot is never opened")
    @APIResponse(responseCode = "422", description = "For another ballot, or the randomness does not open it")
    public Audited open(@PathParam("id") UUID id, @Valid @NotNull Opening opening) {
        return audits.open(id, opening);
    }

    @GET
    @PermitAll
    @Operation(summary = "Audited ballots (감사된 투표)", description = "Every ballot apps opened for an audit on this ballot, with what "
            + "it encrypted: none of them can be cast.")
    @APIResponse(responseCode = "200", description = "Audited ballots")
    @APIResponse(responseCode = "404", description = "No such ballot")
    public List<Audited> list(@PathParam("id") UUID id) {
        return audits.list(id);
    }
}
