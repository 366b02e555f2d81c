package kr.chamyeo.governance.youthcouncil;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.PromotionMemberInput;
import kr.chamyeo.governance.youthcouncil.YouthCouncilResource.PromotionMemberView;
import kr.chamyeo.platform.page.Page;

/** The promotion committee (청년자치정부 추진위원회): its 1,000 seats a year ({@link SeatLimits}) and its groups ({@link SeatRules}). */
@ApplicationScoped
public class PromotionCommitteeService {

    @Transactional
    public PromotionMemberView appoint(PromotionMemberInput input) {
        SeatRules.checkPromotionGroup(input.group(), input.district());
        SeatLocks.lock("promotion-committee", input.year());
        SeatLimits.requireRoom("The promotion committee (청년자치정부 추진위원회)", input.year(),
                PromotionCommitteeMember.count("year", input.year()), SeatLimits.PROMOTION_COMMITTEE);
        PromotionCommitteeMember m = new PromotionCommitteeMember();
        m.id = UUID.randomUUID();
        m.year = input.year();
        m.name = input.name();
        m.memberGroup = input.group();
        m.role = input.role();
        m.district = input.district();
        m.contact = input.contact();
        m.persist();
        return view(m);
    }

    /** One page of a year's members by group and name. */
    @Transactional
    public Page<PromotionMemberView> members(int year, int page, int size) {
        var query = PromotionCommitteeMember.find("year = ?1 order by memberGroup, name, id", year);
        List<PromotionMemberView> items = query.page(io.quarkus.panache.common.Page.of(page, size)).<PromotionCommitteeMember>list()
                .stream().map(PromotionCommitteeService::view).toList();
        return Page.of(items, page, size, query::count);
    }

    private static PromotionMemberView view(PromotionCommitteeMember m) {
        return new PromotionMemberView(m.id, m.year, m.name, m.memberGroup, m.role, m.district, m.contact);
    }
}
