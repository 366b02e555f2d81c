package kr.chamyeo.platform.probe;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kr.chamyeo.platform.audit.SecretBallot;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;

/** A tiny app that exercises the platform the way services use it. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    public enum Kind { ORDINARY, EVENT }

    public record Item(@NotBlank @Size(max = 100) String name, @NotNull @Positive Long amount, @NotNull Kind kind,
                       @DistrictCode String district, List<@Valid Part> parts) {
    }

    public record Part(@NotBlank String label) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    public Item create(@Valid @NotNull Item item) {
        em.createNativeQuery("insert into probe_item (name, amount, kind) values (?1, ?2, ?3)")
                .setParameter(1, item.name()).setParameter(2, item.amount()).setParameter(3, item.kind().name())
                .executeUpdate();
        outbox.publish("probe.items", "ItemCreated", item.name(), item);
        if (item.amount() > 1_000_000) {
            // Published above, then refused: the rollback must take the event with it.
            throw ProblemException.unprocessable("amount", "must be at most 1000000");
        }
        return item;
    }

    @GET
    @PermitAll
    @Path("/count/{name}")
    public long count(@PathParam("name") String name) {
        return ((Number) em.createNativeQuery("select count(*) from probe_item where name = ?1")
                .setParameter(1, name).getSingleResult()).longValue();
    }

    @GET
    @PermitAll
    @Path("/items/{id}")
    public String item(@PathParam("id") UUID id, @QueryParam("kind") Kind kind, @QueryParam("year") Integer year) {
        return "{\"id\":\"" + id + "\"}";
    }

    @POST
    @Path("/districts/{district}/secret")
    @RolesAllowed({"RESIDENT"})
    @SecretBallot
    public String secret(@PathParam("district") String district) {
        return "{\"ok\":true}";
    }

    @POST
    @Path("/districts/{district}/actions")
    @RolesAllowed({"OFFICER", "CITY_ADMIN"})
    public String act(@PathParam("district") String district) {
        caller.requireDistrict(district, "OFFICER");
        return "{\"ok\":true}";
    }
}
