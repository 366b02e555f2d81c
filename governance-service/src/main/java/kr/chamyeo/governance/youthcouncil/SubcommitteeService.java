package kr.chamyeo.governance.youthcouncil;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.youthcouncil.CouncilAgenda.Status;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.AgendaDecision;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.AgendaInput;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.AgendaView;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.SubcommitteeInput;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.SubcommitteeView;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * A year's subcommittees (분과) and the agendas before them (분과 의제); an agenda's steps are its own
 * ({@link CouncilAgenda#decide}), whether a subcommittee may change year or go is {@link Subcommittee}'s.
 */
@ApplicationScoped
public class SubcommitteeService {

    @Transactional
    public SubcommitteeView create(SubcommitteeInput input) {
        Subcommittee s = new Subcommittee();
        s.id = UUID.randomUUID();
        apply(s, input);
        s.persist();
        return view(s);
    }

    @Transactional
    public List<SubcommitteeView> list(int year) {
        return Subcommittee.<Subcommittee>list("year = ?1 order by name", year).stream().map(SubcommitteeService::view).toList();
    }

    @Transactional
    public SubcommitteeView update(UUID id, SubcommitteeInput input) {
        Subcommittee s = find(id);
        s.requireYearChangeAllowed(input.year(), inUse(id));
        apply(s, input);
        return view(s);
    }

    @Transactional
    public void delete(UUID id) {
        Subcommittee s = find(id);
        s.requireRemovable(inUse(id));
        s.delete();
    }

    @Transactional
    public AgendaView addAgenda(UUID subcommitteeId, AgendaInput input) {
        find(subcommitteeId);
        CouncilAgenda a = new CouncilAgenda();
        a.id = UUID.randomUUID();
        a.subcommitteeId = subcommitteeId;
        a.title = input.title();
        a.summary = input.summary();
        a.status = Status.PROPOSED;
        a.persist();
        return view(a);
    }

    @Transactional
    public List<AgendaView> agendas(UUID subcommitteeId) {
        find(subcommitteeId);
        return CouncilAgenda.<CouncilAgenda>list("subcommitteeId = ?1 order by title", subcommitteeId).stream()
                .map(SubcommitteeService::view).toList();
    }

    @Transactional
    public AgendaView decide(UUID agendaId, AgendaDecision decision) {
        CouncilAgenda a = CouncilAgenda.<CouncilAgenda>findByIdOptional(agendaId)
                .orElseThrow(() -> ProblemException.notFound("Agenda", agendaId));
        a.decide(decision.status(), decision.decidedOn(), decision.note());
        return view(a);
    }

    static Subcommittee find(UUID id) {
        return Subcommittee.<Subcommittee>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Subcommittee", id));
    }

    private static boolean inUse(UUID id) {
        return CouncilMember.count("subcommitteeId", id) > 0 || CouncilAgenda.count("subcommitteeId", id) > 0;
    }

    private static void apply(Subcommittee s, SubcommitteeInput input) {
        Subcommittee same = Subcommittee.find("year = ?1 and name = ?2", input.year(), input.name()).firstResult();
        if (same != null && !same.id.equals(s.id)) {
            throw ProblemException.conflict("duplicate-subcommittee", input.name() + " already exists in " + input.year());
        }
        s.year = input.year();
        s.name = input.name();
        s.description = input.description();
    }

    private static SubcommitteeView view(Subcommittee s) {
        return new SubcommitteeView(s.id, s.year, s.name, s.description, CouncilMember.count("subcommitteeId", s.id),
                CouncilAgenda.count("subcommitteeId", s.id));
    }

    private static AgendaView view(CouncilAgenda a) {
        return new AgendaView(a.id, a.subcommitteeId, a.title, a.summary, a.status, a.decidedOn, a.note);
    }
}
