package kr.chamyeo.community.participant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kr.chamyeo.community.council.Council;
import kr.chamyeo.community.council.CouncilApplicant;
import kr.chamyeo.community.council.CouncilSeat;
import kr.chamyeo.community.grant.GrantApplication;
import kr.chamyeo.community.grant.GroupMember;
import kr.chamyeo.community.grant.ResidentGroup;
import kr.chamyeo.community.participant.ParticipantResource.ActivityRequest;
import kr.chamyeo.community.participant.ParticipantResource.Entry;
import kr.chamyeo.community.participant.ParticipantResource.History;
import kr.chamyeo.community.space.Booking;
import kr.chamyeo.community.space.SignUp;
import kr.chamyeo.community.space.Space;
import kr.chamyeo.community.space.SpaceProgramme;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * A participant's record across the features (참여자 관리): read from each feature's tables, plus the education and
 * activity officers record here. Who may read which part is the resource's to decide.
 */
@ApplicationScoped
public class ParticipantHistory {

    @Inject
    EntityManager em;

    @Transactional
    public Entry record(String id, ActivityRequest r, String recordedBy) {
        if (r.occurredOn().isAfter(LocalDate.now(ZoneOffset.UTC))) {
            throw ProblemException.unprocessable("occurredOn", "must not be in the future");
        }
        UUID activity = UUID.randomUUID();
        em.createNativeQuery("insert into participant_activity (id, participant_id, district, kind, title, hours, occurred_on, recorded_by) "
                        + "values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                .setParameter(1, activity).setParameter(2, id).setParameter(3, r.district()).setParameter(4, r.kind().name())
                .setParameter(5, r.title()).setParameter(6, r.hours()).setParameter(7, r.occurredOn()).setParameter(8, recordedBy)
                .executeUpdate();
        return new Entry(r.occurredOn().atStartOfDay().atOffset(ZoneOffset.UTC), r.kind().name(), r.district(),
                r.title(), r.hours() == null ? null : r.hours().stripTrailingZeros().toPlainString() + "h", activity.toString());
    }

    /** The participant's entries, oldest first; only those of {@code onlyDistrict} when it is not null. */
    public History history(String id, String onlyDistrict) {
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
