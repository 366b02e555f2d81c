package kr.chamyeo.budget.school;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.platform.problem.ProblemException;

/** 예산학교 sessions and their attendance; a participant is counted once per session however often recorded. */
@ApplicationScoped
public class SchoolService {

    @Inject
    EntityManager em;

    @Transactional
    public SchoolViews.SessionView create(String district, SchoolViews.SessionRequest request) {
        SchoolSession s = new SchoolSession();
        s.district = district;
        s.fiscalYear = request.fiscalYear();
        s.title = request.title();
        s.heldOn = request.heldOn();
        s.mode = request.mode();
        s.createdAt = OffsetDateTime.now();
        s.persist();
        return view(s);
    }

    /** Records attendance at a session of {@code district}; a session of another district is not found there. */
    @Transactional
    public SchoolViews.SessionView attend(String district, long id, List<String> participants) {
        SchoolSession s = SchoolSession.findById(id);
        if (s == null || !s.district.equals(district)) {
            throw ProblemException.notFound("School session", id + " of district " + district);
        }
        for (String participant : participants) {
            em.createNativeQuery("insert into school_attendance (session_id, participant) values (?1, ?2) on conflict do nothing")
                    .setParameter(1, id).setParameter(2, participant.strip()).executeUpdate();
        }
        return view(s);
    }

    public List<SchoolViews.SessionView> sessions(String district, Integer year) {
        List<SchoolSession> sessions = year == null
                ? SchoolSession.list("district", Sort.ascending("heldOn", "id"), district)
                : SchoolSession.list("district = ?1 and fiscalYear = ?2", Sort.ascending("heldOn", "id"), district, year);
        return sessions.stream().map(this::view).toList();
    }

    private SchoolViews.SessionView view(SchoolSession s) {
        long participants = ((Number) em.createNativeQuery("select count(*) from school_attendance where session_id = ?1")
                .setParameter(1, s.id).getSingleResult()).longValue();
        return new SchoolViews.SessionView(s.id, s.district, s.fiscalYear, s.title, s.heldOn, s.mode, participants);
    }
}
