package kr.chamyeo.governance.agenda;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.governance.agenda.AgendaResource.NewAgenda;
import kr.chamyeo.governance.agenda.CoordinationResource.MeetingView;
import kr.chamyeo.governance.agenda.CoordinationResource.NewMeeting;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

/** 발굴의제 → 정책제안 → 구정반영: an agenda's steps follow {@link AgendaStatus} through {@link Agenda#moveTo}. */
@ApplicationScoped
public class AgendaService {

    @Inject
    Caller caller;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Agenda create(NewAgenda request) {
        Agenda a = new Agenda();
        a.id = UUID.randomUUID();
        a.district = request.district();
        a.year = request.year();
        a.title = request.title();
        a.domain = request.domain();
        a.status = AgendaStatus.FOUND;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.persist();
        return a;
    }

    @Transactional
    public Agenda propose(UUID id, String proposal) {
        Agenda a = ownAgenda(id);
        a.moveTo(AgendaStatus.PROPOSED, null, null);
        a.proposal = proposal;
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return a;
    }

    @Transactional
    public Agenda reflect(UUID id, AgendaStatus outcome, String detail, String reason) {
        Agenda a = ownAgenda(id);
        a.moveTo(outcome, detail, reason);
        a.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        return a;
    }

    /** Agendas of a district and year (either left out when null), by district, year and title. */
    @Transactional
    public List<Agenda> list(String district, Integer year) {
        List<Agenda> all = Agenda.list("order by district, year, title");
        return all.stream().filter(a -> district == null || a.district.equals(district)).filter(a -> year == null || a.year == year)
                .toList();
    }

    @Transactional
    public Map<AgendaStatus, Long> byStatus(int year) {
        Map<AgendaStatus, Long> byStatus = new TreeMap<>();
        for (AgendaStatus s : AgendaStatus.values()) {
            byStatus.put(s, Agenda.count("year = ?1 and status = ?2", year, s));
        }
        return byStatus;
    }

    /** Records a 4-party meeting; the agenda it names, if any, must be one of the meeting's district (422). */
    @Transactional
    public MeetingView recordMeeting(String district, NewMeeting request) {
        if (request.agendaId() != null) {
            Agenda agenda = Agenda.findById(request.agendaId());
            if (agenda == null || !agenda.district.equals(district)) {
                throw ProblemException.unprocessable("agendaId", "must be an agenda of district " + district);
            }
        }
        CoordinationMeeting m = new CoordinationMeeting();
        m.id = UUID.randomUUID();
        m.district = district;
        m.heldOn = request.heldOn();
        m.agendaId = request.agendaId();
        m.seoul = json(request.seoul());
        m.gu = json(request.gu());
        m.privateParticipants = json(request.privateParticipants());
        m.experts = json(request.experts());
        m.decisions = json(request.decisions());
        m.persist();
        return view(m);
    }

    @Transactional
    public List<MeetingView> meetings(String district) {
        return CoordinationMeeting.<CoordinationMeeting>list("district = ?1 order by heldOn", district).stream().map(this::view).toList();
    }

    private MeetingView view(CoordinationMeeting m) {
        return new MeetingView(m.id, m.district, m.heldOn, m.agendaId, strings(m.seoul), strings(m.gu), strings(m.privateParticipants),
                strings(m.experts), strings(m.decisions));
    }

    private String json(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> strings(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An agenda the caller may change: 404 when it does not exist, 403 for another district's officer. */
    Agenda ownAgenda(UUID id) {
        Agenda a = Agenda.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Agenda", id);
        }
        caller.requireDistrict(a.district, Roles.OFFICER);
        return a;
    }
}
