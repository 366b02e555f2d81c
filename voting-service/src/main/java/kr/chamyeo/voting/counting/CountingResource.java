package kr.chamyeo.voting.counting;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.election.ThresholdDecryption.PartialDecryption;
import kr.chamyeo.election.shuffle.ShuffleProof;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.voting.election.Trustees;

@Path("/ballots/{id}/counting")
@Tag(name = "Counting", description = "개표: trustees shuffle the board verifiably, then decrypt it together (PROTOCOL.md §7–§8)")
@Produces(MediaType.APPLICATION_JSON)
public class CountingResource {

    @Schema(description = "A trustee's verifiable shuffle (검증 가능한 섞기) of the previous round")
    public record MixSubmission(
            @Schema(description = "the re-encrypted ballots in their new order, one per item: ciphertexts 'alpha,beta' joined by ';'")
            @NotNull @Size(max = 2_000_000) List<@NotNull String> ciphertexts,
            @Schema(description = "the proof of shuffle (PROTOCOL.md §7)") @NotNull ShuffleProof proof) {
    }

    @Schema(description = "Acceptance result (접수 결과)")
    public record Accepted(@Schema(example = "2") int round, @Schema(description = "true when this post completed the count") boolean counted) {
    }

    private static final String BATCH = "묶음 (batch), from 0: which of the ballot's batches (progress: batches) the step is for; "
            + "0 for a ballot counted as one batch";

    @Inject
    CountingService counting;

    @Inject
    Caller caller;

    @GET
    @PermitAll
    @Operation(summary = "Counting progress (개표 진행)", description = "Which trustees have shuffled and decrypted, the frozen board's "
            + "size and head, how many batches (묶음) it is counted in, and what comes next in each batch. A ballot whose trustees "
            + "never reach the threshold stays COUNTING: nobody can read it.")
    @APIResponse(responseCode = "200", description = "Progress",
            content = @Content(schema = @Schema(implementation = CountingService.Progress.class)))
    @APIResponse(responseCode = "404", description = "No such ballot")
    public CountingService.Progress progress(@PathParam("id") UUID id) {
        return counting.progress(id);
    }

    @GET
    @Path("/input")
    @PermitAll
    @Operation(summary = "Ciphertexts to work on (개표 입력)", description = "For one batch (묶음): its round-1 input for the first "
            + "shuffle (the board in seq order when the ballot is one batch, else the batch's members in the order PROTOCOL.md §8.6 "
            + "assigns), else its last round's output: one ballot per item, ciphertexts 'alpha,beta' joined by ';'.")
    @APIResponse(responseCode = "200", description = "The list, in order")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Not counting (still open, or already counted)")
    @APIResponse(responseCode = "422", description = "No such batch")
    @APIResponse(responseCode = "503", description = "The batch is too large for this replica's heap to check a step (count-too-large)")
    public List<String> input(@PathParam("id") UUID id, @QueryParam("batch") @DefaultValue("0") @Parameter(description = BATCH) int batch) {
        return counting.input(id, batch);
    }

    @POST
    @Path("/mixes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Trustees.ROLE)
    @Operation(summary = "Post a shuffle (섞기 제출)", description = "A trustee of the ballot's election posts its re-encryption shuffle "
            + "of a batch's current list (context <ballot id>/mix/<round> for a ballot of one batch, else "
            + "<ballot id>/batch/<batch>/mix/<round>) with a proof of shuffle; the service verifies the proof before storing it.")
    @APIResponse(responseCode = "200", description = "Stored as the next round",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "403", description = "Not a trustee of this ballot's election")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Not counting, the batch's mixing complete, or this trustee already mixed it")
    @APIResponse(responseCode = "422", description = "No such batch, malformed ciphertexts, or the proof does not verify")
    @APIResponse(responseCode = "503", description = "The batch is too large for this replica's heap to check a step (count-too-large)")
    public Accepted mix(@PathParam("id") UUID id, @QueryParam("batch") @DefaultValue("0") @Parameter(description = BATCH) int batch,
                        @Valid @NotNull MixSubmission submission) {
        return new Accepted(counting.mix(id, caller.subject(), batch, submission.ciphertexts(), submission.proof()), false);
    }

    @POST
    @Path("/decryptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Trustees.ROLE)
    @Operation(summary = "Post decryption shares (부분 복호 제출)", description = "A trustee posts its decryption share of every "
            + "ciphertext of the batch's last round (ballots in order, each ballot's ciphertexts in order; contextId = the ballot "
            + "id for a ballot of one batch, else <ballot id>/batch/<batch>) "
            + "with Chaum–Pedersen proofs (PROTOCOL.md §6). The post that completes a batch's threshold decrypts that "
            + "batch; the one that completes the last batch's counts and publishes the result (BallotBoxChunk…, BallotClosed).")
    @APIResponse(responseCode = "200", description = "Stored; counted is true when the result is now published",
            content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "403", description = "Not a trustee of this ballot's election")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Not counting, the batch's mixing not complete, or this trustee already decrypted it")
    @APIResponse(responseCode = "422", description = "No such batch, malformed shares, or a proof does not verify")
    @APIResponse(responseCode = "503", description = "The batch is too large for this replica's heap to check a step (count-too-large)")
    public Accepted decrypt(@PathParam("id") UUID id, @QueryParam("batch") @DefaultValue("0") @Parameter(description = BATCH) int batch,
                            @Valid @NotNull PartialDecryption submission) {
        return new Accepted(0, counting.decrypt(id, caller.subject(), batch, submission));
    }
}
