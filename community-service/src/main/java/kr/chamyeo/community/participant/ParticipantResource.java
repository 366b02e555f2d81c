package kr.chamyeo.community.participant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.community.council.Council;
import kr.chamyeo.community.council.CouncilApplicant;
import kr.chamyeo.community.council.CouncilSeat;
import kr.chamyeo.community.grant.GrantApplication;
import kr.chamyeo.community.grant.GroupMember;
import kr.chamyeo.community.grant.ResidentGroup;
import kr.chamyeo.community.space.Booking;
import kr.chamyeo.community.space.SignUp;
import kr.chamyeo.community.space.Space;
import kr.chamyeo.community.space.SpaceProgramme;
import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

/**
 * The participant-centred record the seed asks for (선정사업 관리 → 참여자 관리): one person's groups, applications,
 * bookings, council seats, education and activity over time. A participant is identified by the token subject.
 */
@Path("/participants")
@Tag(name = "Participants (참여자 이력)")
@Produces(MediaType.APPLICATION_JSON)
public class ParticipantResource {

    public enum ActivityKind {
        /** 교육 이수 (주민자치학교, 마을아카데미 …) */
        EDUCATION,
        /** 활동 (자원활동, 네트워크 파티 …) */
        ACTIVITY,
        /** 경력 (마을자치전문가, 공간운영자 …) */
        CAREER
    }

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Schema(description = "교육·활동 기록")
    public record ActivityRequest(@NotNull @DistrictCode @Schema(example = "11545") String district,
                                  @NotNull ActivityKind kind,
                                  @NotBlank @Size(max = 300) @Schema(example = "주민자치학교 기본과정") String title,
                                  @PositiveOrZero @DecimalMax("10000") @Schema(example = "6") BigDecimal hours,
                                  @NotNull LocalDate occurredOn) {
    }

    @Schema(description = "One entry of a participant's history")
    public record Entry(OffsetDateTime at, String type, String district, String title, String status, String reference) {
    }

    @Schema(description = "A participant's history, oldest first")
    public record History(String participantId, List<Entry> entries) {
    }

    @POST
    @Path("/{id}/activities")
    @RolesAllowed({Roles.OFFICER, Roles.CITY_ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record education or activity (교육 이수·활동 기록)", description = "By an officer of the district where it took place.")
    @APIResponse(responseCode = "201", description = "Recorded", content = @Content(schema = @Schema(implementation = Entry.class)))
    @APIResponse(responseCode = "403", description = "Other district")
    @APIResponse(responseCode = "422", description = "Invalid record")
    @Transactional
    public Response record(@PathParam("id") @Size(max = 200) String id, @Valid @NotNull ActivityRequest r) {
        caller.requireDistrict(r.district(), Roles.OFFICER);
        if (r.occurredOn().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw ProblemException.unprocessable("occurredOn", "must not be in the future");
        }
        UUID activity = UUID.randomUUID();
        em.createNativeQuery("insert into participant_activity (id, participant_id, district, kind, title, hours, occurred_on, recorded_by) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, activity).setParameter(2, id).setParameter(3, r.district()).setParameter(4, r.kind().name())
                .setParameter(5, r.title()).setParameter(6, r.hours()).setParameter(7, r.occurredOn()).setParameter(8, caller.subject())
                .executeUpdate();
        return Response.status(201).entity(new Entry(r.occurredOn().atStartOfDay().atOffset(ZoneOffset.UTC), r.kind().name(), r.district(),
                r.title(), r.hours() == null ? null : r.hours().stripTrailingZeros().toPlainString() + "h", activity.toString())).build();
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Roles.RESIDENT, Roles.OFFICER, Roles.CITY_ADMIN})
    @Operation(summary = "A participant's history (참여자 이력)",
            description = "Groups, grant applications, bookings, programme sign-ups (참여 신청), council applications and seats, education and activity, oldest first. "
                    + "A resident sees their own; a district officer only the records of their district; a city administrator all.")
    @APIResponse(responseCode = "200", description = "History", content = @Content(schema = @Schema(implementation = History.class)))
    @APIResponse(responseCode = "403", description = "Someone else's history")
    public History history(@PathParam("id") String id) {
        String onlyDistrict;
        if (caller.isCityAdmin() || id.equals(caller.subject())) {
            onlyDistrict = null;
        } else if (caller.hasRole(Roles.OFFICER) && caller.district().isPresent()) {
            onlyDistrict = caller.district().get();
        } else {
            throw ProblemException.forbidden("A resident sees only their own history");
        }
        List<Entry> entries = new ArrayList<>();
        List<GroupMember> memberships = GroupMember.list("participantId", id);
        Map<UUID, ResidentGroup> groups = memberships.isEmpty() ? Map.of() : byId(ResidentGroup.list("id in ?1", ids(memberships, m -> m.groupId)), g -> g.id);
        for (GroupMember m : memberships) {
            ResidentGroup g = groups.get(m.groupId);
            entries.add(new Entry(m.joinedAt, "GROUP_MEMBERSHIP", g.district, g.name, g.leader.equals(id) ? "LEADER" : "MEMBER", g.id.toString()));
        }
        if (!groups.isEmpty()) {
            for (GrantApplication a : GrantApplication.<GrantApplication>list("groupId in ?1", groups.keySet())) {
                ResidentGroup g = groups.get(a.groupId);
                entries.add(new Entry(a.submittedAt, "GRANT_APPLICATION", g.district, a.title + " (" + g.name + ")", a.status.name(), a.id.toString()));
            }
        }
        List<Booking> bookings = Booking.list("requester", id);
        Map<UUID, Space> spaces = bookings.isEmpty() ? Map.of() : byId(Space.list("id in ?1", ids(bookings, b -> b.spaceId)), s -> s.id);
        for (Booking b : bookings) {
            Space s = spaces.get(b.spaceId);
            entries.add(new Entry(b.createdAt, "BOOKING", s.district, s.name + " " + b.startsAt + "–" + b.endsAt, b.status.name(), b.id.toString()));
        }
        List<SignUp> signUps = SignUp.list("participant", id);
        Map<UUID, SpaceProgramme> programmes = signUps.isEmpty() ? Map.of()
                : byId(SpaceProgramme.list("id in ?1", ids(signUps, s -> s.programmeId)), p -> p.id);
        Map<UUID, Space> programmeSpaces = programmes.isEmpty() ? Map.of()
                : byId(Space.list("id in ?1", ids(List.copyOf(programmes.values()), p -> p.spaceId)), s -> s.id);
        for (SignUp u : signUps) {
            SpaceProgramme p = programmes.get(u.programmeId);
            Space s = programmeSpaces.get(p.spaceId);
            entries.add(new Entry(u.requestedAt, "PROGRAMME_SIGN_UP", s.district, p.title + " (" + s.name + ")", u.status.name(), u.id.toString()));
        }
        List<CouncilApplicant> applications = CouncilApplicant.list("participantId", id);
        Map<UUID, Council> councils = applications.isEmpty() ? Map.of() : byId(Council.list("id in ?1", ids(applications, a -> a.councilId)), c -> c.id);
        for (CouncilApplicant a : applications) {
            Council c = councils.get(a.councilId);
            CouncilSeat seat = CouncilSeat.findById(new CouncilSeat.Key(c.id, a.id));
            entries.add(new Entry(a.appliedAt, "COUNCIL", c.district, c.name, seat == null ? "APPLIED" : seat.role.name(), c.id.toString()));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> activities = em.createNativeQuery("select id, district, kind, title, hours, occurred_on from participant_activity "
                + "where participant_id = ?1").setParameter(1, id).getResultList();
        for (Object[] row : activities) {
            LocalDate on = row[5] instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row[5];
            entries.add(new Entry(on.atStartOfDay().atOffset(ZoneOffset.UTC), (String) row[2], (String) row[1], (String) row[3],
                    row[4] == null ? null : ((BigDecimal) row[4]).stripTrailingZeros().toPlainString() + "h", row[0].toString()));
        }
        return new History(id, entries.stream().filter(e -> onlyDistrict == null || onlyDistrict.equals(e.district()))
                .sorted(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder()))).toList());
    }

    private static <T> List<UUID> ids(List<T> rows, Function<T, UUID> id) {
        return rows.stream().map(id).distinct().toList();
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        return rows.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
