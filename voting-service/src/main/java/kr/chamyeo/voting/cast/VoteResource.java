package kr.chamyeo.voting.cast;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.bouncycastle.math.ec.ECPoint;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import kr.chamyeo.election.BallotText;
import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.EncryptedBallot;
import kr.chamyeo.election.Group;
import kr.chamyeo.election.Selection;
import kr.chamyeo.election.Tracker;
import kr.chamyeo.platform.audit.SecretBallot;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.ballot.Voter;
import kr.chamyeo.voting.cast.VoteTargets.Target;
import kr.chamyeo.voting.cast.VoteWriter.PendingVote;
import kr.chamyeo.voting.election.ElectionStore;

@Path("/ballots/{id}")
@Tag(name = "Votes", description = "투표하기: encrypted at once by the service, or by the voter's app with proofs (PROTOCOL.md §3–§4)")
@Produces(MediaType.APPLICATION_JSON)
public class VoteResource {

    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static final Duration STORE_TIMEOUT = Duration.ofSeconds(15);

    @Schema(description = "투표 (the chosen option keys); the service encrypts them at once and stores only the ciphertext")
    public record VoteRequest(@Schema(example = "[\"p-17\", \"p-3\"]") @NotNull @Size(max = 1000) List<@NotBlank String> choices) {
    }

    @Schema(description = "투표 완료 (cast). The tracker finds the encrypted ballot on the public board; it proves nothing about "
            + "the choices to anyone, so it cannot be sold.")
    public record Cast(UUID ballotId, @Schema(description = "always true: the vote is cast and final") boolean cast,
                       @Schema(description = "추적 번호: SHA-256 of the stored ciphertexts", example = "9b2c…64 hex…") String tracker,
                       @Schema(description = "position on the board", example = "17") long seq,
                       @Schema(description = "the board's chain value after this ballot; keep it to detect later removal") String chain) {
    }

    @Inject
    BallotStore ballots;

    @Inject
    ElectionStore elections;

    @Inject
    VoteTargets targets;

    @Inject
    Caller caller;

    @Inject
    RollKeys keys;

    @Inject
    VoteWriter writer;

    @Inject
    ProofChecker checker;

    @Inject
    ObjectMapper mapper;

    @POST
    @Path("/votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESIDENT, Roles.COMMITTEE})
    @SecretBallot
    @Operation(summary = "Cast a vote (투표하기)", description = "엠보팅 투표. The voter is the token's subject; district, dong, "
            + "birth_year and role in the token decide eligibility. The service checks the choices against the rule, encrypts them "
            + "under the trustees' election key and forgets them: no plaintext choice is written anywhere. One vote per person "
            + "and ballot, also under concurrent retries from several devices. The window is opens-at inclusive, closes-at "
            + "exclusive. The answer is sent only after the vote is durably committed.")
    @APIResponse(responseCode = "201", description = "Vote cast",
            content = @Content(schema = @Schema(implementation = Cast.class),
                    examples = @ExampleObject(value = "{\"ballotId\":\"6f1e…\",\"cast\":true,\"tracker\":\"9b2c…\",\"seq\":17,\"chain\":\"…\"}")))
    @APIResponse(responseCode = "403", description = "Not eligible (district, dong, age or role)")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Not open yet, closed, or already voted")
    @APIResponse(responseCode = "422", description = "Choices break the ballot's rule")
    @APIResponse(responseCode = "503", description = "Vote could not be stored; nothing was recorded or it was recorded "
            + "and a retry answers 409 already-voted")
    public Uni<Response> cast(@PathParam("id") UUID id, @Valid @NotNull VoteRequest request) {
        Context requestContext = Vertx.currentContext();
        return admitted(id).chain(target -> {
            int[] chosen = target.ballot().selection(request.choices());
            ECPoint[] points = Selection.encode(chosen, target.ballot().options().size());
            List<Ciphertext> ciphertexts = new ArrayList<>(points.length);
            for (ECPoint point : points) {
                BigInteger r = Group.randomScalar();
                ciphertexts.add(Ciphertext.encrypt(target.publicKey(), point, r));
            }
            return store(target, requestContext, ciphertexts, null);
        });
    }

    @POST
    @Path("/encrypted-votes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.RESIDENT, Roles.COMMITTEE})
    @SecretBallot
    @Operation(summary = "Cast a ballot encrypted by the voter's app (암호화 투표)", description = "Cast-as-intended: the app encrypts "
            + "each option's choice (0 or 1) under the election key (GET /elections/{id}) and proves, bound to this ballot's id, "
            + "that every choice is 0 or 1, that the number chosen is within the rule's minChoices..maxChoices and, for a BUDGET "
            + "ballot, that the chosen costs stay within the budget limit (PROTOCOL.md §4.3; voting-service/encryptor does it). "
            + "The service verifies every proof before accepting, stores the selection ciphertexts the choices combine into, "
            + "and refuses one already on the board (a copied ballot). Eligibility and one vote per person are as for /votes. "
            + "An app that lets the voter audit a ballot (Benaloh) reveals its randomness and must never cast that ballot: it "
            + "encrypts again.")
    @APIResponse(responseCode = "201", description = "Ballot cast",
            content = @Content(schema = @Schema(implementation = Cast.class)))
    @APIResponse(responseCode = "403", description = "Not eligible (district, dong, age or role)")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Not open yet, closed, already voted, this ciphertext is already on the board, "
            + "or it was opened for an audit")
    @APIResponse(responseCode = "422", description = "Malformed, for another ballot, or a proof does not verify: the problem's "
            + "field names the first part that fails (e.g. choiceProofs[3], countProof, budgetProof)")
    @APIResponse(responseCode = "503", description = "Ballot could not be stored; a retry answers 409 if it was")
    public Uni<Response> castEncrypted(@PathParam("id") UUID id, @Valid @NotNull EncryptedBallot ballot) {
        Context requestContext = Vertx.currentContext();
        return admitted(id).chain(target -> {
            if (!id.toString().equals(ballot.ballotId())) {
                throw ProblemException.unprocessable("ballotId", "must be the id of the ballot it is cast on (" + id + ")");
            }
            return Uni.createFrom().completionStage(() -> checker.check(new EncryptedBallot.Submission(ballot, target.publicKey(),
                            target.ballot().selectionRule())))
                    .emitOn(task -> requestContext.runOnContext(ignored -> task.run()))
                    .onFailure().transform(ignored -> unavailable())
                    .chain(verdict -> {
                        if (verdict.fault().isPresent()) {
                            throw ProblemException.unprocessable(verdict.fault().get(), "does not verify for this ballot's rule ("
                                    + target.ballot().rule().type() + ", " + target.ballot().rule().minChoices() + ".."
                                    + target.ballot().rule().maxChoices() + " of " + target.ballot().options().size() + " options"
                                    + (target.ballot().rule().budgetLimit() == null ? ""
                                            : ", within " + target.ballot().rule().budgetLimit() + "원")
                                    + ") and election key (PROTOCOL.md §4.3)");
                        }
                        return store(target, requestContext, verdict.selectionCiphertexts(), proofText(ballot));
                    });
        });
    }

    /** Finds the ballot and its key, and checks the window and the caller's eligibility. */
    private Uni<Target> admitted(UUID id) {
        if (caller.subject() == null || caller.subject().isBlank()) {
            throw ProblemException.forbidden("The token names no subject, so one vote per person cannot be enforced");
        }
        // Votes are the hot path: they run on the event loop and wait for the group commit without holding a
        // worker thread. Only the first vote on a ballot this replica has not seen reads the database.
        Uni<Target> target = ballots.remembered(id)
                .flatMap(known -> elections.remembered(known.electionId()).map(key -> new Target(known, key.publicKey())))
                .map(known -> Uni.createFrom().item(known))
                .orElseGet(() -> Uni.createFrom().item(() -> targets.read(id))
                        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool()));
        Voter voter = voter();
        return target.map(found -> {
            found.ballot().requireOpen(Instant.now());
            found.ballot().admit(voter, Year.now(SEOUL).getValue());
            return found;
        });
    }

    /** Stores the vote; the answer is written from {@code requestContext}, the request's own event loop. */
    private Uni<Response> store(Target target, Context requestContext, List<Ciphertext> ciphertexts, String proof) {
        UUID id = target.ballot().id();
        Voter voter = voter();
        String text = BallotText.of(ciphertexts);
        String tracker = Tracker.ofText(id.toString(), text);
        PendingVote vote = new PendingVote(id, keys.voterHash(id, caller.subject()), sexOf(voter.sex()),
                voter.ageIn(Year.now(SEOUL).getValue()), voter.dong(), tracker, text, proof, new CompletableFuture<>());
        return Uni.createFrom().completionStage(writer.submit(vote))
                .ifNoItem().after(STORE_TIMEOUT).fail()
                // The writer thread completes the vote; the answer is written from the request's own event loop.
                .emitOn(task -> requestContext.runOnContext(ignored -> task.run()))
                .onFailure().transform(ignored -> unavailable())
                .map(outcome -> switch (outcome.kind()) {
                    case ACCEPTED -> Response.status(201).entity(new Cast(id, true, tracker, outcome.seq(), outcome.chain())).build();
                    case ALREADY_VOTED -> throw ProblemException.conflict("already-voted", "You have already voted on this ballot");
                    case COPIED -> throw ProblemException.conflict("ballot-copied", "This ciphertext is already on the board: "
                            + "encrypt your own ballot");
                    case AUDITED -> throw ProblemException.conflict("ballot-audited", "This ballot was opened for an audit, so its "
                            + "content is public: encrypt the choices again and cast the new ballot");
                    case NOT_OPEN -> throw target.ballot().closed();
                });
    }

    private Voter voter() {
        return new Voter(caller.roles(), caller.district().orElse(null), caller.dong().orElse(null), caller.birthYear().orElse(null),
                caller.sex().orElse(null));
    }

    /** The proofs of a client-encrypted ballot as the board stores and hashes them: fixed field order, no whitespace. */
    private String proofText(EncryptedBallot ballot) {
        try {
            return mapper.writeValueAsString(new Proofs(ballot.choices(), ballot.choiceProofs(), ballot.countProof(),
                    ballot.budgetDigits(), ballot.budgetDigitProofs(), ballot.budgetProof()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Proofs(List<String> choices, List<List<String>> choiceProofs, List<String> countProof,
            List<String> budgetDigits, List<List<String>> budgetDigitProofs, List<String> budgetProof) {
    }

    private static String sexOf(String claim) {
        return "F".equals(claim) || "M".equals(claim) ? claim : null;
    }

    private static ProblemException unavailable() {
        return new ProblemException(503, "vote-not-stored", "Service unavailable",
                "The vote could not be stored just now; retry (a retry of a vote that was stored answers already-voted)", null);
    }
}
