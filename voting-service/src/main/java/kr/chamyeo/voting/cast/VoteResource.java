package kr.chamyeo.voting.cast;

import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import kr.chamyeo.platform.audit.SecretBallot;
import kr.chamyeo.platform.problem.Problem;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.ballot.Voter;
import kr.chamyeo.voting.cast.VoteWriter.PendingVote;

@Path("/ballots/{id}")
@Tag(name = "Votes", description = "투표하기와 투표 확인증 (casting and receipts)")
@Produces(MediaType.APPLICATION_JSON)
public class VoteResource {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(15);

    @Schema(description = "투표 (the chosen option keys)")
    public record VoteRequest(@Schema(example = "[\"p-17\", \"p-3\"]") @NotNull @Size(max = 1000) List<@NotBlank String> choices) {
    }

    @Schema(description = "투표 접수 확인 (receipt)")
    public record VoteReceipt(UUID ballotId,
                              @Schema(description = "투표 확인 코드: keep it to check later that your vote was counted; "
                                      + "the service stores only its SHA-256", example = "3f9c2a7b1d0e4c5a8b6f7e2d1c0b9a87") String receipt) {
    }

    @Schema(description = "투표 확인 결과")
    public record ReceiptCheck(UUID ballotId, @Schema(description = "SHA-256 of the code, as listed on the bulletin") String receiptHash,
                               @Schema(description = "true: this vote is in the box and will be (or was) counted") boolean counted) {
    }

    @Inject
    BallotStore ballots;

    @Inject
    Caller caller;

    @Inject
    RollKeys keys;

    @Inject
    VoteWriter writer;

    @Inject
    EntityManager em;

    @POST
    @Path("/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESIDENT, Roles.COMMITTEE})
    @SecretBallot
    @Operation(summary = "Cast a vote (투표하기)", description = "엠보팅 투표. The voter is the token's subject; district, dong, "
            + "birth_year and role in the token decide eligibility. One vote per person and ballot, also under concurrent "
            + "retries from several devices. The window is opens-at inclusive, closes-at exclusive. The answer is sent only "
            + "after the vote is durably committed; it carries a receipt code that only the voter gets.")
    @APIResponse(responseCode = "201", description = "Vote stored",
            content = @Content(schema = @Schema(implementation = VoteReceipt.class),
                    examples = @ExampleObject(value = "{\"ballotId\":\"6f1e…\",\"receipt\":\"3f9c2a7b1d0e4c5a8b6f7e2d1c0b9a87\"}")))
    @APIResponse(responseCode = "403", description = "Not eligible (district, dong, age or role)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ballot",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not open yet, closed, or already voted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Choices break the ballot's rule",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Vote could not be stored; nothing was recorded or it was recorded "
            + "and a retry answers 409 already-voted",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Uni<Response> cast(@PathParam("id") UUID id, @Valid @NotNull VoteRequest request) {
        if (caller.subject() == null || caller.subject().isBlank()) {
            throw ProblemException.forbidden("The token names no subject, so one vote per person cannot be enforced");
        }
        // Votes are the hot path: they run on the event loop and wait for the group commit without holding a
        // worker thread. Only the first vote on a ballot this replica has not seen reads its definition.
        Context requestContext = Vertx.currentContext();
        Uni<Ballot> ballot = ballots.remembered(id).map(known -> Uni.createFrom().item(known))
                .orElseGet(() -> Uni.createFrom().item(() -> QuarkusTransaction.requiringNew().call(() -> ballots.find(id)))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        .map(found -> found.orElseThrow(() -> ProblemException.notFound("Ballot", id))));
        Voter voter = new Voter(caller.roles(), caller.district().orElse(null), caller.dong().orElse(null),
                caller.birthYear().orElse(null), caller.sex().orElse(null));
        byte[] voterHash = keys.voterHash(id, caller.subject());
        return ballot.chain(open -> {
            open.requireOpen(Instant.now());
            int year = Year.now(SEOUL).getValue();
            open.admit(voter, year);
            short[] choices = open.selection(request.choices());
            String receipt = keys.newReceiptCode();
            PendingVote vote = new PendingVote(id, voterHash, sexOf(voter.sex()), voter.ageIn(year), voter.dong(),
                    RollKeys.receiptHash(receipt), choices, new CompletableFuture<>());
            return Uni.createFrom().completionStage(writer.submit(vote))
                    .ifNoItem().after(STORE_TIMEOUT).fail()
                    // The writer thread completes the vote; the answer is written from the request's own event loop.
                    .emitOn(task -> requestContext.runOnContext(ignored -> task.run()))
                    .onFailure().transform(ignored -> unavailable())
                    .map(outcome -> switch (outcome) {
                        case ACCEPTED -> Response.status(201).entity(new VoteReceipt(id, receipt)).build();
                        case ALREADY_VOTED -> throw ProblemException.conflict("already-voted", "You have already voted on this ballot");
                        case NOT_OPEN -> throw open.closed();
                    });
        });
    }

    @GET
    @Path("/receipts/{code}")
    @PermitAll
    @Operation(summary = "Check a receipt (투표 확인)", description = "투표 확인증 조회: confirms that the vote with this receipt code "
            + "is in the ballot box, without showing the choices. Anyone holding the code may ask; the code is random and "
            + "known only to the voter.")
    @APIResponse(responseCode = "200", description = "The vote is in the box",
            content = @Content(schema = @Schema(implementation = ReceiptCheck.class),
                    examples = @ExampleObject(value = "{\"ballotId\":\"6f1e…\",\"receiptHash\":\"9b2c…\",\"counted\":true}")))
    @APIResponse(responseCode = "400", description = "Not a receipt code",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No vote with this receipt on this ballot",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReceiptCheck receipt(@PathParam("id") UUID id, @PathParam("code") String code) {
        if (!RollKeys.isReceiptCode(code)) {
            throw ProblemException.badRequest("code", "a receipt code is 32 lowercase hex digits");
        }
        byte[] hash = RollKeys.receiptHash(code);
        boolean found = !em.createNativeQuery("select 1 from voting_box where ballot_id = ?1 and receipt_hash = ?2")
                .setParameter(1, id).setParameter(2, hash).getResultList().isEmpty();
        if (!found) {
            throw ProblemException.notFound("Receipt", "on ballot " + id);
        }
        return new ReceiptCheck(id, HexFormat.of().formatHex(hash), true);
    }

    private static String sexOf(String claim) {
        return "F".equals(claim) || "M".equals(claim) ? claim : null;
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "vote-not-stored", "Service unavailable",
                "The vote could not be stored just now; retry (a retry of a vote that was stored answers already-voted)", null);
    }
}
