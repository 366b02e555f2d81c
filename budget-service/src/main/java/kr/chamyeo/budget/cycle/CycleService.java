package kr.chamyeo.budget.cycle;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.selection.SelectionRule;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.page.Filter;
import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

@ApplicationScoped
public class CycleService {

    public static final String TOPIC = "budget.cycles";

    /** {@code CycleCreated} data on {@value #TOPIC}. */
    public record CycleCreated(long cycleId, String district, int fiscalYear, CycleKind kind, long totalAmount) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Caller caller;

    /** Tells the service's other features in the same transaction, e.g. the youth council's rounds waiting for Seoul's cycle. */
    @Inject
    Event<CycleCreated> created;

    @Transactional
    public CycleView create(CycleRequest request) {
        CityCycle.requireKind(request.district(), request.kind());
        if (CityCycle.isCity(request.district())) {
            // Seoul's own cycle: no district officer acts for the city, whatever district claim a token carries.
            if (!caller.isCityAdmin()) {
                throw ProblemException.forbidden("Only city administrators (CITY_ADMIN) open a city-level youth budget cycle (11000)");
            }
        } else {
            caller.requireDistrict(request.district(), Roles.OFFICER);
        }
        List<Electorate> electorates = Electorates.of(request.kind(), request.residentWeight(), request.committeeWeight(),
                request.electorates());
        if (request.ordinaryCap() > request.totalAmount()) {
            throw ProblemException.unprocessable("ordinaryCap", "must not exceed totalAmount " + request.totalAmount());
        }
        if (request.eventCap() > request.totalAmount()) {
            throw ProblemException.unprocessable("eventCap", "must not exceed totalAmount " + request.totalAmount());
        }
        CycleRequest.Phases p = request.phases();
        if (p.intakeTo().isBefore(p.intakeFrom()) || p.reviewTo().isBefore(p.intakeTo())
                || p.assemblyFrom().isBefore(p.reviewTo()) || p.assemblyTo().isBefore(p.assemblyFrom())) {
            throw ProblemException.unprocessable("phases",
                    "dates must follow intakeFrom ≤ intakeTo ≤ reviewTo ≤ assemblyFrom ≤ assemblyTo");
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < request.subcommittees().size(); i++) {
            if (!codes.add(request.subcommittees().get(i).code())) {
                throw ProblemException.unprocessable("subcommittees[" + i + "].code", "is used twice");
            }
        }
        if (Cycle.count("district = ?1 and fiscalYear = ?2 and kind = ?3", request.district(), request.fiscalYear(),
                request.kind()) > 0) {
            throw ProblemException.conflict("cycle-exists", "District " + request.district() + " already has a "
                    + request.kind() + " cycle for " + request.fiscalYear());
        }
        Cycle cycle = new Cycle();
        cycle.district = request.district();
        cycle.fiscalYear = request.fiscalYear();
        cycle.kind = request.kind();
        cycle.title = request.title();
        cycle.totalAmount = request.totalAmount();
        cycle.ordinaryCap = request.ordinaryCap();
        cycle.eventCap = request.eventCap();
        cycle.electorates.addAll(electorates);
        cycle.rule = request.rule() == null ? SelectionRule.RANKED_GREEDY : request.rule();
        cycle.intakeFrom = p.intakeFrom();
        cycle.intakeTo = p.intakeTo();
        cycle.reviewTo = p.reviewTo();
        cycle.assemblyFrom = p.assemblyFrom();
        cycle.assemblyTo = p.assemblyTo();
        cycle.status = CycleStatus.OPEN;
        cycle.createdAt = OffsetDateTime.now();
        for (CycleRequest.SubcommitteeRequest s : request.subcommittees()) {
            Subcommittee sub = new Subcommittee();
            sub.cycle = cycle;
            sub.code = s.code();
            sub.name = s.name();
            sub.ceiling = s.ceiling();
            cycle.subcommittees.add(sub);
        }
        cycle.persist();
        CycleCreated event = new CycleCreated(cycle.id, cycle.district, cycle.fiscalYear, cycle.kind, cycle.totalAmount);
        outbox.publish(TOPIC, "CycleCreated", cycle.id.toString(), event);
        created.fire(event);
        return CycleView.of(cycle);
    }

    public Page<CycleView> list(String district, Integer year, CycleKind kind, int page, int size) {
        Filter filter = new Filter().and("district = :district", "district", district).and("fiscalYear = :year", "year", year)
                .and("kind = :kind", "kind", kind);
        var found = Cycle.<Cycle>find(filter.where(), Sort.descending("fiscalYear").and("district").and("id"), filter.parameters());
        List<CycleView> items = found.page(page, size).list().stream().map(CycleView::of).toList();
        return Page.of(items, page, size, found::count);
    }

    public CycleView get(long id) {
        return CycleView.of(Cycle.require(id));
    }
}
