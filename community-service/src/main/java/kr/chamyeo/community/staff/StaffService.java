package kr.chamyeo.community.staff;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class StaffService {

    @Inject
    EntityManager em;

    @Transactional
    public StaffPlacement place(String district, String dong, StaffRules.Role role, String personName, StaffRules.Funding funding,
                                YearMonth start, YearMonth end, long monthlyPay, String officer) {
        StaffRules.check(role, dong, funding, start, end, monthlyPay);
        if (dong != null) {
            // Two officers placing in the same dong at once must not both pass the per-dong limit.
            em.createNativeQuery("select count(*) from pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, "staff:" + district + ":" + dong + ":" + role).getSingleResult();
            long overlapping = StaffPlacement.count("district = ?1 and dong = ?2 and role = ?3 and startMonth <= ?4 and endMonth >= ?5",
                    district, dong, role, end.atDay(1), start.atDay(1));
            StaffRules.checkDongLimit(role, dong, overlapping);
        }
        StaffPlacement p = new StaffPlacement();
        p.id = UUID.randomUUID();
        p.district = district;
        p.dong = dong;
        p.role = role;
        p.personName = personName;
        p.funding = funding;
        p.startMonth = start.atDay(1);
        p.endMonth = end.atDay(1);
        p.monthlyPay = monthlyPay;
        p.createdBy = officer;
        p.persist();
        return p;
    }

    public List<StaffPlacement> ofDistrict(String district) {
        return StaffPlacement.list("district = ?1 order by dong, role, startMonth", district);
    }
}
