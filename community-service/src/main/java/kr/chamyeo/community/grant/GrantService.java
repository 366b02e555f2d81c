package kr.chamyeo.community.grant;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.community.grant.GrantRequests.ApplicationRequest;
import kr.chamyeo.community.grant.GrantRequests.ContributionInput;
import kr.chamyeo.community.grant.GrantRequests.GroupRequest;
import kr.chamyeo.community.grant.GrantRequests.MemberInput;
import kr.chamyeo.community.grant.GrantRequests.ProgrammeRequest;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;

@ApplicationScoped
public class GrantService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** Converts the seed's Seattle NMF rates ($20/h, up to $100/h) into a programme's default rates in won. */
    @ConfigProperty(name = "chamyeo.community.contribution.won-per-dollar")
    long wonPerDollar;

    @Transactional
    public ResidentGroup createGroup(GroupRequest request, String leader, String district, String leaderDong) {
        ResidentGroup group = new ResidentGroup();
        group.id = UUID.randomUUID();
        group.district = district;
        group.dong = request.dong() != null ? request.dong() : leaderDong;
        group.name = request.name();
        group.kind = request.kind();
        group.leader = leader;
        group.persist();
        addMember(group, new MemberInput(leader, request.leaderName(), GroupMember.Relation.LIVES, district));
        Set<String> seen = new HashSet<>(Set.of(leader));
        List<MemberInput> members = request.members() == null ? List.of() : request.members();
        for (int i = 0; i < members.size(); i++) {
            if (!seen.add(members.get(i).participantId())) {
                throw ProblemException.unprocessable("members[" + i + "].participantId", "listed twice (the leader is a member already)");
            }
            addMember(group, members.get(i));
        }
        return group;
    }

    @Transactional
    public GroupMember addMember(ResidentGroup group, MemberInput input) {
        if (GroupMember.findById(new GroupMember.Key(group.id, input.participantId())) != null) {
            throw ProblemException.conflict("member-exists", input.participantId() + " is already a member");
        }
        GroupMember member = new GroupMember();
        member.groupId = group.id;
        member.participantId = input.participantId();
        member.name = input.name();
        member.relation = input.relation();
        member.district = input.district();
        member.persist();
        return member;
    }

    public ResidentGroup group(UUID id) {
        ResidentGroup group = ResidentGroup.findById(id);
        if (group == null) {
            throw ProblemException.notFound("Group", id);
        }
        return group;
    }

    @Transactional
    public GrantProgramme createProgramme(ProgrammeRequest r) {
        GrantProgramme p = new GrantProgramme();
        p.id = UUID.randomUUID();
        p.district = r.district();
        p.year = r.year();
        p.name = r.name();
        p.kind = r.kind();
        boolean club = r.kind() == ResidentGroup.Kind.CLUB;
        // Seed defaults: 이웃만들기 주민 3인 이상; 동아리 서울 거주·재직·재학 시민 5명 이상, 100만원, 매년 90개.
        p.minMembers = r.minMembers() != null ? r.minMembers() : club ? 5 : 3;
        p.eligibility = r.eligibility() != null ? r.eligibility() : club ? GrantProgramme.Eligibility.SEOUL : GrantProgramme.Eligibility.DISTRICT;
        java.util.Optional<GrantLimits.Range> seedRange = GrantLimits.of(r.kind());
        if (r.grantAmount() == null && !club && seedRange.isEmpty()) {
            throw ProblemException.unprocessable("grantAmount", "required for a NEIGHBOURS programme (the seed fixes it only for clubs)");
        }
        // Omitted: 동아리 100만원; a department programme grants up to the top of its seed range.
        p.grantAmount = r.grantAmount() != null ? r.grantAmount() : seedRange.map(GrantLimits.Range::max).orElse(1_000_000L);
        p.minGrant = GrantLimits.forProgramme(r.kind(), p.grantAmount).min();
        if (r.yearlyQuota() == null && !club) {
            throw ProblemException.unprocessable("yearlyQuota", "required for a NEIGHBOURS programme");
        }
        p.yearlyQuota = r.yearlyQuota() != null ? r.yearlyQuota() : 90;
        p.budget = r.budget() != null ? r.budget() : Math.multiplyExact(p.grantAmount, (long) p.yearlyQuota);
        if (p.budget < p.grantAmount) {
            throw ProblemException.unprocessable("budget", "must cover at least one grant of " + p.grantAmount + "원");
        }
        ContributionValuation.Rule defaults = ContributionValuation.Rule.nmf(wonPerDollar);
        p.labourRate = r.labourRatePerHour() != null ? r.labourRatePerHour() : defaults.labourRatePerHour();
        p.professionalMaxRate = r.professionalMaxRatePerHour() != null ? r.professionalMaxRatePerHour()
                : defaults.professionalMaxRatePerHour();
        p.minimumContributionShare = r.minimumContributionShare();
        p.persist();
        return p;
    }

    public GrantProgramme programme(UUID id) {
        GrantProgramme p = GrantProgramme.findById(id);
        if (p == null) {
            throw ProblemException.notFound("Programme", id);
        }
        return p;
    }

    public ContributionValuation.Result valuate(GrantProgramme p, long requested, List<ContributionInput> inputs) {
        GrantLimits.checkRequest(p.range(), requested);
        List<ContributionValuation.Contribution> contributions = new java.util.ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            ContributionInput c = inputs.get(i);
            String path = "contributions[" + i + "]";
            switch (c.kind()) {
                case CASH, IN_KIND -> need(c.amount() != null, path + ".amount", "required for " + c.kind());
                case VOLUNTEER_HOURS -> need(c.hours() != null, path + ".hours", "required for " + c.kind());
                case PROFESSIONAL_HOURS -> {
                    need(c.hours() != null, path + ".hours", "required for " + c.kind());
                    need(c.ratePerHour() != null, path + ".ratePerHour", "required for " + c.kind());
                }
                case PUBLIC_RESOURCE -> { }
            }
            contributions.add(new ContributionValuation.Contribution(c.kind(), c.description(), c.hours(), c.ratePerHour(), c.amount()));
        }
        return ContributionValuation.value(p.rule(), p.year, requested, contributions);
    }

    @Transactional
    public GrantApplication apply(GrantProgramme p, ApplicationRequest r, String applicant) {
        ResidentGroup group = group(r.groupId());
        if (!group.leader.equals(applicant)) {
            throw ProblemException.forbidden("Only the group's leader (대표제안자) may apply for it");
        }
        if (group.kind != p.kind) {
            throw ProblemException.unprocessable("groupId", "a " + group.kind + " group cannot apply to a " + p.kind + " programme");
        }
        if (p.district != null && !p.district.equals(group.district)) {
            throw ProblemException.unprocessable("groupId", "the group belongs to district " + group.district + ", the programme to " + p.district);
        }
        List<GroupMember> members = GroupMember.of(group.id);
        long eligible = members.stream().filter(m -> p.eligibility == GrantProgramme.Eligibility.SEOUL
                ? SeoulDistricts.isDistrict(m.district) : m.district.equals(p.district == null ? group.district : p.district)).count();
        if (eligible < p.minMembers) {
            throw ProblemException.unprocessable("groupId", "needs at least " + p.minMembers + " members who live, work or study in "
                    + (p.eligibility == GrantProgramme.Eligibility.SEOUL ? "Seoul" : "the district") + "; has " + eligible)
                    .with("eligibleMembers", eligible).with("minMembers", p.minMembers);
        }
        ContributionValuation.Result valuation = valuate(p, r.requestedAmount(), r.contributions());
        if (!valuation.meetsMinimum()) {
            throw ProblemException.unprocessable("contributions", "the recognised self-contribution is "
                    + valuation.recognisedShareOfGrant() + " of the grant asked; the programme requires " + p.minimumContributionShare)
                    .with("recognised", valuation.recognised());
        }
        if (GrantApplication.count("programmeId = ?1 and groupId = ?2", p.id, group.id) > 0) {
            throw ProblemException.conflict("already-applied", "This group has already applied to this programme");
        }
        GrantApplication a = new GrantApplication();
        a.id = UUID.randomUUID();
        a.programmeId = p.id;
        a.groupId = group.id;
        a.title = r.title();
        a.requestedAmount = r.requestedAmount();
        a.contributions = json(r.contributions());
        a.valuation = json(valuation);
        a.recognisedContribution = valuation.recognised();
        a.status = GrantApplication.Status.SUBMITTED;
        a.submittedBy = applicant;
        a.submittedAt = OffsetDateTime.now();
        a.persist();
        return a;
    }

    public GrantApplication application(UUID id) {
        GrantApplication a = GrantApplication.findById(id);
        if (a == null) {
            throw ProblemException.notFound("Application", id);
        }
        return a;
    }

    /**
     * 선정 / 탈락. The programme row is locked so that concurrent selections cannot together pass the quota or the
     * budget.
     */
    @Transactional
    public GrantApplication decide(UUID applicationId, GrantApplication.Status decision, String reason, String officer) {
        GrantApplication a = application(applicationId);
        GrantProgramme p = em.find(GrantProgramme.class, a.programmeId, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(a);
        if (a.status != GrantApplication.Status.SUBMITTED) {
            throw ProblemException.conflict("already-decided", "The application is already " + a.status);
        }
        if (decision == GrantApplication.Status.SELECTED) {
            long selected = GrantApplication.count("programmeId = ?1 and status = ?2", p.id, GrantApplication.Status.SELECTED);
            if (selected >= p.yearlyQuota) {
                throw ProblemException.conflict("quota-reached", "The programme's yearly quota of " + p.yearlyQuota + " is reached")
                        .with("yearlyQuota", p.yearlyQuota).with("selected", selected);
            }
            long granted = granted(p.id);
            if (granted + a.requestedAmount > p.budget) {
                throw ProblemException.conflict("budget-exceeded", "Granting " + a.requestedAmount + "원 would exceed the budget")
                        .with("budget", p.budget).with("granted", granted).with("requested", a.requestedAmount);
            }
            a.grantedAmount = a.requestedAmount;
        } else if (reason == null || reason.isBlank()) {
            throw ProblemException.unprocessable("reason", "a rejection needs a reason");
        }
        a.status = decision;
        a.decisionReason = reason;
        a.decidedBy = officer;
        a.decidedAt = OffsetDateTime.now();
        return a;
    }

    public long granted(UUID programmeId) {
        Number n = (Number) em.createQuery("select coalesce(sum(a.grantedAmount), 0) from GrantApplication a where a.programmeId = ?1 and a.status = ?2")
                .setParameter(1, programmeId).setParameter(2, GrantApplication.Status.SELECTED).getSingleResult();
        return n.longValue();
    }

    public long selectedCount(UUID programmeId) {
        return GrantApplication.count("programmeId = ?1 and status = ?2", programmeId, GrantApplication.Status.SELECTED);
    }

    public ContributionValuation.Result storedValuation(GrantApplication a) {
        try {
            return mapper.readValue(a.valuation, ContributionValuation.Result.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void need(boolean ok, String field, String rule) {
        if (!ok) {
            throw ProblemException.unprocessable(field, rule);
        }
    }
}
