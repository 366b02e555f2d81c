package kr.chamyeo.governance.taskforce;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;

import kr.chamyeo.governance.district.Regions;
import kr.chamyeo.governance.taskforce.TfResource.ActiveOfficer;
import kr.chamyeo.governance.taskforce.TfResource.AppointmentView;
import kr.chamyeo.governance.taskforce.TfResource.NewAppointment;
import kr.chamyeo.governance.taskforce.TfResource.NewBody;
import kr.chamyeo.governance.taskforce.TfResource.NewExpert;
import kr.chamyeo.governance.taskforce.TfResource.NewOfficer;
import kr.chamyeo.governance.taskforce.TfResource.OfficerView;
import kr.chamyeo.governance.taskforce.TfResource.TfComposition;
import kr.chamyeo.platform.page.Filter;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * The youth-governance TF (거버넌스 TF): cooperation officers (협력관) and their appointments, whose terms never
 * overlap ({@link Appointment#checkTerm}), the consulting group and instructors, and the districts' participation bodies.
 */
@ApplicationScoped
public class TfService {

    @Transactional
    public CooperationOfficer newOfficer(NewOfficer request) {
        CooperationOfficer o = new CooperationOfficer();
        o.id = UUID.randomUUID();
        o.name = request.name();
        o.contact = request.contact();
        o.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        o.persist();
        return o;
    }

    /** Appoints (again) an officer; the history keeps every term, and a term overlapping another is 409. */
    @Transactional
    public OfficerView appoint(UUID id, NewAppointment request) {
        CooperationOfficer o = officer(id);
        Appointment.checkTerm(request.termStart(), request.termEnd(), Appointment.list("officerId", id));
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.officerId = id;
        a.district = request.district();
        a.region = Regions.of(request.district());
        a.affiliation = request.affiliation();
        a.termStart = request.termStart();
        a.termEnd = request.termEnd();
        a.persist();
        return view(o, true);
    }

    @Transactional
    public OfficerView officer(UUID id, boolean withContact) {
        return view(officer(id), withContact);
    }

    /** The officers serving on {@code day}, of one region when it is not null, by region and district. */
    @Transactional
    public List<ActiveOfficer> serving(LocalDate day, String region) {
        List<Appointment> serving = Appointment.list("termStart <= ?1 and termEnd >= ?1 order by region, district", day);
        return serving.stream().filter(a -> region == null || region.equals(a.region))
                .map(a -> new ActiveOfficer(a.officerId, CooperationOfficer.<CooperationOfficer>findById(a.officerId).name, AppointmentView.of(a))).toList();
    }

    /** Records a participation body; one name a year in a district (409). */
    @Transactional
    public ParticipationBody newBody(String district, NewBody request) {
        if (ParticipationBody.count("district = ?1 and year = ?2 and name = ?3", district, request.year(), request.name()) > 0) {
            throw ProblemException.conflict("duplicate-body", request.name() + " already recorded for " + request.year());
        }
        ParticipationBody b = new ParticipationBody();
        b.id = UUID.randomUUID();
        b.district = district;
        b.year = request.year();
        b.name = request.name();
        b.manager = request.manager();
        b.memberCount = request.memberCount();
        b.persist();
        return b;
    }

    @Transactional
    public List<ParticipationBody> bodies(String district, Integer year) {
        return year == null ? ParticipationBody.list("district = ?1 order by year, name", district)
                : ParticipationBody.list("district = ?1 and year = ?2 order by name", district, year);
    }

    @Transactional
    public Expert newExpert(NewExpert request) {
        Expert e = new Expert();
        e.id = UUID.randomUUID();
        e.year = request.year();
        e.kind = request.kind();
        e.name = request.name();
        e.domain = request.domain();
        e.affiliation = request.affiliation();
        e.contact = request.contact();
        e.persist();
        return e;
    }

    /** Experts of a year, kind and domain, each filter left out when null, by domain and name. */
    @Transactional
    public List<Expert> experts(Integer year, Expert.Kind kind, String domain) {
        Filter filter = new Filter().and("year = :year", "year", year).and("kind = :kind", "kind", kind)
                .and("domain = :domain", "domain", domain);
        return Expert.list(filter.where(), Sort.by("domain").and("name"), filter.parameters());
    }

    @Transactional
    public TfComposition composition(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Appointment> serving = Appointment.list("termStart <= ?1 and termEnd >= ?2", last, first);
        // An officer re-appointed within the year (e.g. moved to another district) counts once, in the latest region.
        Map<UUID, String> regionOf = new HashMap<>();
        serving.stream().sorted(Comparator.comparing((Appointment a) -> a.termStart))
                .forEach(a -> regionOf.put(a.officerId, a.region));
        Map<String, Long> byRegion = new TreeMap<>();
        regionOf.values().forEach(r -> byRegion.merge(r, 1L, Long::sum));
        List<Expert> experts = Expert.list("year", year);
        Map<String, Long> byDomain = new TreeMap<>();
        experts.stream().filter(e -> e.kind == Expert.Kind.CONSULTANT).forEach(e -> byDomain.merge(e.domain, 1L, Long::sum));
        List<ParticipationBody> bodies = ParticipationBody.list("year", year);
        return new TfComposition(year, regionOf.size(), byRegion, byDomain.values().stream().mapToLong(Long::longValue).sum(), byDomain,
                experts.stream().filter(e -> e.kind == Expert.Kind.INSTRUCTOR).count(), bodies.size(),
                bodies.stream().map(b -> b.district).distinct().count(), bodies.stream().mapToLong(b -> b.memberCount).sum());
    }

    private static CooperationOfficer officer(UUID id) {
        CooperationOfficer o = CooperationOfficer.findById(id);
        if (o == null) {
            throw ProblemException.notFound("Officer", id);
        }
        return o;
    }

    private static OfficerView view(CooperationOfficer o, boolean withContact) {
        List<Appointment> history = Appointment.list("officerId = ?1 order by termStart", o.id);
        return new OfficerView(o.id, o.name, withContact ? o.contact : null, history.stream().map(AppointmentView::of).toList());
    }
}
