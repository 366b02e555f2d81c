package kr.chamyeo.governance.committee;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.committee.CommitteeResource.Member;
import kr.chamyeo.governance.committee.CommitteeResource.NewCommittee;
import kr.chamyeo.governance.committee.CommitteeResource.NewTalent;
import kr.chamyeo.platform.problem.ProblemException;

/** The future-talent pool (미래인재 DB) and the city's committees with their members; the 15% rule is {@link YouthShare}. */
@ApplicationScoped
public class CommitteeService {

    @Transactional
    public Talent addTalent(NewTalent request) {
        Talent t = new Talent();
        t.id = UUID.randomUUID();
        t.name = request.name();
        t.birthYear = request.birthYear();
        t.domain = request.domain();
        t.consent = request.consent();
        t.contact = request.contact();
        t.persist();
        return t;
    }

    /** The pool, of one domain when {@code domain} is not null, by domain and name. */
    @Transactional
    public List<Talent> talents(String domain) {
        return domain == null ? Talent.list("order by domain, name") : Talent.list("domain = ?1 order by name", domain);
    }

    /** Those of a domain who agreed to be put forward (위원 추천 동의), by name. */
    @Transactional
    public List<Talent> consentingTalents(String domain) {
        return Talent.list("domain = ?1 and consent = true order by name", domain);
    }

    /** Records a committee and its members; a name is recorded once (409). */
    @Transactional
    public Committee addCommittee(NewCommittee request) {
        if (Committee.count("name", request.name()) > 0) {
            throw ProblemException.conflict("duplicate-committee", request.name() + " already exists");
        }
        Committee c = new Committee();
        c.id = UUID.randomUUID();
        c.name = request.name();
        c.domain = request.domain();
        c.persist();
        for (Member m : request.members()) {
            CommitteeMember cm = new CommitteeMember();
            cm.id = UUID.randomUUID();
            cm.committeeId = c.id;
            cm.name = m.name();
            cm.birthYear = m.birthYear();
            cm.persist();
        }
        return c;
    }

    @Transactional
    public List<Committee> all() {
        return Committee.list("order by name");
    }

    @Transactional
    public List<CommitteeMember> members(Committee c) {
        return CommitteeMember.list("committeeId", c.id);
    }
}
