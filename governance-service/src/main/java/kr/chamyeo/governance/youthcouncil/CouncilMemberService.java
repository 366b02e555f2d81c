package kr.chamyeo.governance.youthcouncil;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.youthcouncil.CouncilMember.Role;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.CompositionView;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.MemberInput;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.MemberView;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.PublicMember;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.page.Filter;
import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

/**
 * The youth council's members (청년의원) and a year's seats: who may hold which seat is {@link SeatRules}, the 500
 * seats {@link SeatLimits}; this counts what they are checked against, under the year's seat lock.
 */
@ApplicationScoped
public class CouncilMemberService {

    @Inject
    Caller caller;

    @Transactional
    public MemberView seat(MemberInput input) {
        CouncilMember m = new CouncilMember();
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
        CouncilMember m = find(id);
        caller.requireDistrict(input.district(), Roles.OFFICER);
        apply(m, input);
        return view(m);
    }

    @Transactional
    public void delete(UUID id) {
        find(id).delete();
    }

    /** One page of a year's members without personal data, by rank, district and term; district and subcommittee filter when set. */
    @Transactional
    public Page<PublicMember> members(int year, String district, UUID subcommitteeId, int page, int size) {
        Filter filter = new Filter().and("year = :year", "year", year).and("district = :district", "district", district)
                .and("subcommitteeId = :subcommittee", "subcommittee", subcommitteeId);
        var query = CouncilMember.find(filter.where() + " order by roleRank, district, termStart, id", filter.parameters());
        List<PublicMember> items = query.page(io.quarkus.panache.common.Page.of(page, size)).<CouncilMember>list().stream()
                .map(m -> new PublicMember(m.id, m.year, m.district, SeoulDistricts.name(m.district), m.subcommitteeId,
                        subcommitteeName(m), m.role, m.termStart, m.termEnd)).toList();
        return Page.of(items, page, size, query::count);
    }

    /** Seats filled and left of both bodies in {@code year}, by role and group. */
    @Transactional
    public CompositionView composition(int year) {
        Map<Role, Long> byRole = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            byRole.put(role, CouncilMember.count("year = ?1 and role = ?2", year, role));
        }
        Map<PromotionCommitteeMember.Group, Long> byGroup = new EnumMap<>(PromotionCommitteeMember.Group.class);
        for (PromotionCommitteeMember.Group group : PromotionCommitteeMember.Group.values()) {
            byGroup.put(group, PromotionCommitteeMember.count("year = ?1 and memberGroup = ?2", year, group));
        }
        return new CompositionView(year, SeatLimits.Seats.of(CouncilMember.count("year", year), SeatLimits.YOUTH_COUNCIL), byRole,
                SeatLimits.Seats.of(PromotionCommitteeMember.count("year", year), SeatLimits.PROMOTION_COMMITTEE), byGroup);
    }

    private CouncilMember find(UUID id) {
        CouncilMember m = CouncilMember.<CouncilMember>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Youth-council member", id));
        caller.requireDistrict(m.district, Roles.OFFICER);
        return m;
    }

    private static void apply(CouncilMember m, MemberInput input) {
        Subcommittee s = null;
        if (input.subcommitteeId() != null) {
            s = Subcommittee.findById(input.subcommitteeId());
            if (s == null || s.year != input.year()) {
                throw ProblemException.unprocessable("subcommitteeId", "must be a subcommittee of " + input.year());
            }
        }
        SeatRules.check(input.year(), input.birthYear(), input.termStart(), input.termEnd(), input.role(), s != null);
        SeatLocks.lock("youth-council", input.year());
        SeatLimits.requireRoom("The youth council (청년의회)", input.year(),
                CouncilMember.count("year = ?1 and id <> ?2", input.year(), m.id), SeatLimits.YOUTH_COUNCIL);
        if (SeatRules.limit(input.role()) != null) {
            long held = input.role() == Role.SUBCOMMITTEE_CHAIR
                    ? CouncilMember.count("subcommitteeId = ?1 and role = ?2 and id <> ?3", input.subcommitteeId(), input.role(), m.id)
                    : CouncilMember.count("year = ?1 and role = ?2 and id <> ?3", input.year(), input.role(), m.id);
            SeatRules.requireRoleSeat(input.role(), held, s == null ? "in " + input.year() : "in " + s.name);
        }
        m.year = input.year();
        m.name = input.name();
        m.birthYear = input.birthYear();
        m.district = input.district();
        m.subcommitteeId = input.subcommitteeId();
        m.role = input.role();
        m.roleRank = input.role().ordinal();
        m.termStart = input.termStart();
        m.termEnd = input.termEnd();
        m.contact = input.contact();
    }

    private static String subcommitteeName(CouncilMember m) {
        Subcommittee s = m.subcommitteeId == null ? null : Subcommittee.findById(m.subcommitteeId);
        return s == null ? null : s.name;
    }

    private static MemberView view(CouncilMember m) {
        return new MemberView(m.id, m.year, m.name, m.birthYear, m.district, m.subcommitteeId, subcommitteeName(m),
                m.role, m.termStart, m.termEnd, m.contact);
    }
}
