package kr.chamyeo.platform.audit;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.Problem;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

/** The service's audit trail (감사 기록): city administrators see all of it, an officer their own district's. */
@Path("/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit (감사 기록)")
public class AuditResource {

    @Schema(name = "AuditRecord", description = "One state-changing request")
    public record AuditRecord(long id, OffsetDateTime occurredAt,
                              @Schema(example = "officer-11545") String actor,
                              @Schema(example = "OFFICER") String role,
                              @Schema(example = "11545") String district,
                              @Schema(example = "POST CycleResource.create") String action,
                              @Schema(example = "/api/v1/budget/cycles") String target,
                              @Schema(example = "201", description = "The answer's status; null when the record was "
                                      + "committed with the change, in its transaction, before the answer") Integer status,
                              @Schema(example = "4f6c0a9e-1b7d-4a43-9c2e-0f1d2a3b4c5d") String requestId) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    AuditTrail trail;

    @Inject
    AuditCheckpoints checkpoints;

    /** Checkpoints every 10 minutes for ten years stay under this; older ones beyond it are not rechecked. */
    private static final int MAX_CHECKPOINTS = 600_000;

    @GET
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Transactional
    @Operation(summary = "Audit trail (감사 기록)",
            description = "Newest first. CITY_ADMIN sees every district (optionally filtered); an OFFICER sees only "
                    + "records made by callers of their own district.")
    @APIResponse(responseCode = "200", description = "Records",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditRecord.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an officer of that district", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AuditRecord> list(@QueryParam("district") @DistrictCode String district,
                                  @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                  @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        String scope = district;
        if (!caller.isCityAdmin()) {
            String own = caller.district().orElseThrow(() -> ProblemException.forbidden("An officer token must carry a district"));
            if (district != null && !district.equals(own)) {
                throw ProblemException.forbidden("Officers of " + own + " may read only their own district's audit trail");
            }
            scope = own;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, occurred_at, actor, role, district, action, target, status, request_id "
                        + "from audit_record where (cast(?1 as varchar) is null or district = ?1) order by id desc")
                .setParameter(1, scope)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
        return rows.stream().map(r -> new AuditRecord(((Number) r[0]).longValue(), toOffset(r[1]), (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], r[7] == null ? null : ((Number) r[7]).intValue(), (String) r[8])).toList();
    }

    @Schema(name = "AuditVerification", description = "The audit trail's hash chain walked from its first record to its head, "
            + "and the signed checkpoints stored with it")
    public record Verification(@Schema(example = "true") boolean intact,
                               @Schema(example = "1520", description = "Records whose links were checked") long records,
                               @Schema(example = "96", description = "Stored signed checkpoints the chain was checked against") int checkpoints,
                               @Schema(example = "1520", description = "The last record, as the chain's head names it") Long headId,
                               @Schema(description = "SHA-256 (hex) of the last record: keep it, a later check must still reach it") String headHash,
                               @Schema(example = "733", description = "The first record whose link is broken; null when intact") Long firstBrokenId,
                               @Schema(description = "What is wrong with that record") String problem) {
    }

    @GET
    @Path("/verify")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Verify the audit trail's hash chain (감사 기록 검증)",
            description = "Recomputes every record's hash from its contents and its predecessor's hash and compares the end "
                    + "with the chain's head. Names the first broken link: an altered record, or the record after records "
                    + "that were removed or inserted. Publish the returned head hash (a checkpoint) somewhere the database's "
                    + "administrators cannot change: a rebuilt chain will not reach it.")
    @APIResponse(responseCode = "200", description = "The result; intact is false when a link is broken",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Verification.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a city administrator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Verification verify() throws SQLException {
        // Read before the walk: every record a stored checkpoint covers is then in the walk's snapshot.
        List<AuditCheckpoints.Checkpoint> stored = new java.util.ArrayList<>(checkpoints.stored(MAX_CHECKPOINTS));
        java.util.Collections.reverse(stored);
        AuditTrail.Verification result = trail.verify(stored.stream().map(AuditCheckpoints.Checkpoint::lastId)
                .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.toSet()));
        if (result.intact()) {
            for (AuditCheckpoints.Checkpoint checkpoint : stored) {
                String problem = checkpoints.problemWith(checkpoint, result.reached());
                if (problem != null) {
                    return new Verification(false, result.records(), stored.size(), result.headId(), result.headHash(),
                            checkpoint.lastId(), "checkpoint signed at " + checkpoint.signedAt() + ": " + problem);
                }
            }
        }
        return new Verification(result.intact(), result.records(), stored.size(), result.headId(), result.headHash(),
                result.firstBrokenId(), result.problem());
    }

    @GET
    @Path("/checkpoints")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Signed checkpoints of the audit chain (감사 기록 서명 체크포인트)",
            description = "Newest first. Each is the chain's head signed by the service (Ed25519) at that time; the same "
                    + "lines are written to the log category chamyeo.audit.checkpoint. Keep copies where the database's "
                    + "administrators cannot reach them and check them with POST /audit/checkpoints/verify.")
    @APIResponse(responseCode = "200", description = "Checkpoints",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditCheckpoints.Checkpoint.class, type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a city administrator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<AuditCheckpoints.Checkpoint> checkpoints(@QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size)
            throws SQLException {
        return checkpoints.stored(size);
    }

    @POST
    @Path("/checkpoints")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Operation(summary = "Sign a checkpoint now (체크포인트 서명)",
            description = "Signs the chain's current head at once rather than at the next interval (e.g. before and after an "
                    + "election's count), stores and publishes it.")
    @APIResponse(responseCode = "201", description = "The new checkpoint",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditCheckpoints.Checkpoint.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a city administrator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No signing key is configured", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response checkpoint() throws SQLException {
        AuditCheckpoints.Checkpoint made = checkpoints.make(false).orElseThrow(() -> ProblemException.conflict("no-checkpoint-key",
                "This service has no chamyeo.audit.checkpoint.signing-key, so it cannot sign checkpoints"));
        return Response.status(Response.Status.CREATED).entity(made).build();
    }

    @Schema(name = "AuditCheckpointVerification", description = "Whether the service signed a checkpoint and its chain still reaches it")
    public record CheckpointVerification(@Schema(example = "false") boolean valid,
                                         @Schema(example = "record 733 no longer has the hash it signed: the chain up to it was rewritten",
                                                 description = "What is wrong; null when valid") String problem) {
    }

    @POST
    @Path("/checkpoints/verify")
    @RolesAllowed(Roles.CITY_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Verify a kept checkpoint (체크포인트 검증)",
            description = "Checks a checkpoint kept outside the database (from GET /audit/checkpoints or the log): its "
                    + "signature with the service's verify key, and that the chain, recomputed from its records, still has "
                    + "the signed hash at the signed record. A chain rebuilt by whoever holds the database's rights fails it.")
    @APIResponse(responseCode = "200", description = "The result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CheckpointVerification.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a city administrator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A field is missing or malformed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CheckpointVerification verifyCheckpoint(@Valid AuditCheckpoints.Checkpoint checkpoint) throws SQLException {
        if (checkpoint == null) {
            throw ProblemException.unprocessable("body", "a checkpoint is required");
        }
        if (checkpoint.service() == null) {
            throw ProblemException.unprocessable("service", "is required");
        }
        if (checkpoint.headHash() == null || !checkpoint.headHash().matches("[0-9a-fA-F]{64}")) {
            throw ProblemException.unprocessable("headHash", "must be 64 hexadecimal digits (SHA-256)");
        }
        if (checkpoint.signedAt() == null) {
            throw ProblemException.unprocessable("signedAt", "is required");
        }
        if (checkpoint.signature() == null) {
            throw ProblemException.unprocessable("signature", "is required");
        }
        AuditTrail.Verification chain = trail.verify(checkpoint.lastId() == null ? Set.of() : Set.of(checkpoint.lastId()));
        String problem = checkpoints.problemWith(checkpoint, chain.reached());
        return new CheckpointVerification(problem == null, problem);
    }

    private static OffsetDateTime toOffset(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
