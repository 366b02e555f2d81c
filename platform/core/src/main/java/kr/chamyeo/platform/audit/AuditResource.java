package kr.chamyeo.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

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
                              @Schema(example = "201") int status,
                              @Schema(example = "4f6c0a9e-1b7d-4a43-9c2e-0f1d2a3b4c5d") String requestId) {
    }

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

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
                (String) r[4], (String) r[5], (String) r[6], ((Number) r[7]).intValue(), (String) r[8])).toList();
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
