package kr.chamyeo.governance.taskforce;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.taskforce.BodyMemberResource.BodyRoster;
import kr.chamyeo.governance.taskforce.BodyMemberResource.MemberInput;
import kr.chamyeo.governance.taskforce.BodyMemberResource.MemberView;
import kr.chamyeo.governance.taskforce.BodyMemberResource.NamedMember;
import kr.chamyeo.governance.taskforce.BodyMemberResource.Roster;
import kr.chamyeo.governance.taskforce.BodyMemberResource.TermInput;
import kr.chamyeo.governance.taskforce.BodyMemberResource.TermView;
import kr.chamyeo.governance.taskforce.BodyMemberTerm.Role;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

/**
 * Participation-body members (청년참여기구 위원) and their terms (위촉): a member stays in one district
 * ({@link BodyMember}), a term's dates and overlaps are {@link BodyMemberTerm#checkTerm}'s; once members are
 * recorded, a body's head count is the people appointed to it.
 */
@ApplicationScoped
public class BodyMemberService {

    @Inject
    Caller caller;

    @Transactional
    public MemberView register(MemberInput input) {
        BodyMember m = new BodyMember();
        m.id = UUID.randomUUID();
        apply(m, input);
        m.persist();
        return view(m);
    }

    /** A member the caller may see with personal data and change: 404 when unknown, 403 for another district's officer. */
    @Transactional
    public MemberView member(UUID id) {
        return view(find(id));
    }

    @Transactional
    public MemberView update(UUID id, MemberInput input) {
        BodyMember m = find(id);
        m.requireSameDistrict(input.district());
        apply(m, input);
        return view(m);
    }

    /** Removes the member with all terms and recounts the bodies they served in. */
    @Transactional
    public void delete(UUID id) {
        BodyMember m = find(id);
        List<UUID> bodies = BodyMemberTerm.<BodyMemberTerm>list("memberId", id).stream().map(t -> t.bodyId).distinct().toList();
        BodyMemberTerm.delete("memberId", id);
        m.delete();
        bodies.forEach(BodyMemberService::recount);
    }

    @Transactional
    public MemberView appoint(UUID id, TermInput input) {
        BodyMember m = find(id);
        ParticipationBody body = ParticipationBody.findById(input.bodyId());
        m.requireBodyOfOwnDistrict(body);
        BodyMemberTerm.checkTerm(input.termStart(), input.termEnd(), body.year,
                BodyMemberTerm.list("memberId = ?1 and bodyId = ?2", id, body.id));
        BodyMemberTerm t = new BodyMemberTerm();
        t.id = UUID.randomUUID();
        t.memberId = id;
        t.bodyId = body.id;
        t.role = Role.valueOf(input.role());
        t.domain = input.domain();
        t.termStart = input.termStart();
        t.termEnd = input.termEnd();
        t.persist();
        recount(body.id);
        return view(m);
    }

    @Transactional
    public void deleteTerm(UUID id, UUID termId) {
        find(id);
        BodyMemberTerm t = BodyMemberTerm.findById(termId);
        if (t == null || !t.memberId.equals(id)) {
            throw ProblemException.notFound("Term", termId);
        }
        t.delete();
        recount(t.bodyId);
    }

    /** A district's bodies of a year with head counts by role and only the names their holders agreed to publish. */
    @Transactional
    public Roster roster(String district, int year) {
        List<ParticipationBody> bodies = ParticipationBody.list("district = ?1 and year = ?2 order by name", district, year);
        return new Roster(district, SeoulDistricts.name(district), year, bodies.stream().map(b -> {
            List<BodyMemberTerm> terms = BodyMemberTerm.<BodyMemberTerm>list("bodyId = ?1 order by termStart", b.id).stream()
                    .sorted(Comparator.comparing((BodyMemberTerm t) -> t.role)).toList();
            Map<Role, Long> byRole = new TreeMap<>();
            terms.forEach(t -> byRole.merge(t.role, 1L, Long::sum));
            List<NamedMember> named = terms.stream().map(t -> {
                BodyMember m = BodyMember.findById(t.memberId);
                return m.publishName ? new NamedMember(m.name, t.role, t.domain, t.termStart, t.termEnd) : null;
            }).filter(Objects::nonNull).toList();
            return new BodyRoster(b.id, b.name, b.memberCount, byRole, named);
        }).toList());
    }

    /** Once members are recorded, the body's declared head count gives way to the people actually appointed. */
    private static void recount(UUID bodyId) {
        ParticipationBody b = ParticipationBody.findById(bodyId);
        b.memberCount = (int) BodyMemberTerm.<BodyMemberTerm>list("bodyId", bodyId).stream().map(t -> t.memberId).distinct().count();
    }

    private BodyMember find(UUID id) {
        BodyMember m = BodyMember.<BodyMember>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Participation-body member", id));
        caller.requireDistrict(m.district, Roles.OFFICER);
        return m;
    }

    private static void apply(BodyMember m, MemberInput input) {
        m.district = input.district();
        m.name = input.name();
        m.birthYear = input.birthYear();
        m.contact = input.contact();
        m.publishName = input.publishName();
    }

    private static MemberView view(BodyMember m) {
        List<BodyMemberTerm> terms = BodyMemberTerm.list("memberId = ?1 order by termStart", m.id);
        return new MemberView(m.id, m.district, m.name, m.birthYear, m.contact, m.publishName, terms.stream().map(t -> {
            ParticipationBody b = ParticipationBody.findById(t.bodyId);
            return new TermView(t.id, t.bodyId, b.name, b.year, t.role, t.domain, t.termStart, t.termEnd);
        }).toList());
    }
}
