package kr.chamyeo.governance.outreach;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kr.chamyeo.governance.SeedData;
import kr.chamyeo.governance.district.Regions;
import kr.chamyeo.governance.outreach.OutreachResource.Answer;
import kr.chamyeo.governance.outreach.OutreachResource.NewConsulting;
import kr.chamyeo.governance.outreach.OutreachResource.NewMeeting;
import kr.chamyeo.governance.outreach.OutreachResource.NewSupportPlan;
import kr.chamyeo.governance.outreach.OutreachResource.ParticipantView;
import kr.chamyeo.governance.outreach.OutreachResource.Period;
import kr.chamyeo.governance.outreach.OutreachResource.PlanDistrict;
import kr.chamyeo.governance.outreach.OutreachResource.PlanView;
import kr.chamyeo.governance.outreach.OutreachResource.SupportPlanView;
import kr.chamyeo.platform.district.SeoulDistricts;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * 찾아가는 동 주민센터 민관협력 (seed 003): the participating districts, their meetings, consulting and quarterly
 * support plans, each dated within the year's periods ({@link OutreachCalendar}).
 */
@ApplicationScoped
public class OutreachService {

    /** Loads the seed's 2016 programme and participating districts unless loaded; the number of districts added. */
    @Transactional
    public int importSeed2016() {
        if (OutreachProgramme.findById(2016) == null) {
            for (String[] row : SeedData.rows("/seed-data/outreach-programmes.csv")) {
                OutreachProgramme p = new OutreachProgramme();
                p.year = Integer.parseInt(row[0]);
                p.operatingFrom = YearMonth.parse(row[1]).atDay(1);
                p.operatingTo = YearMonth.parse(row[2]).atEndOfMonth();
                p.meetingsFrom = YearMonth.parse(row[3]).atDay(1);
                p.meetingsTo = YearMonth.parse(row[4]).atEndOfMonth();
                p.councilFrom = YearMonth.parse(row[5]).atDay(1);
                p.councilTo = YearMonth.parse(row[6]).atEndOfMonth();
                p.programmeId = row[7];
                p.persist();
            }
        }
        if (OutreachDistrict.count("year", 2016) > 0) {
            return 0;
        }
        int imported = 0;
        for (String[] row : SeedData.rows("/seed-data/outreach-2016.csv")) {
            OutreachDistrict d = new OutreachDistrict();
            d.year = 2016;
            d.district = Regions.codeOf(row[0]);
            d.stage = OutreachDistrict.Stage.valueOf(row[1]);
            d.persist();
            imported++;
        }
        return imported;
    }

    @Transactional
    public List<ParticipantView> participants(int year) {
        List<OutreachDistrict> all = OutreachDistrict.list("year = ?1 order by stage, district", year);
        return all.stream().map(d -> new ParticipantView(d.district, SeoulDistricts.name(d.district), d.stage,
                OutreachMeeting.count("year = ?1 and district = ?2 and kind = ?3", year, d.district, OutreachMeeting.Kind.MEETING),
                OutreachMeeting.count("year = ?1 and district = ?2 and kind = ?3", year, d.district, OutreachMeeting.Kind.ADVISORY))).toList();
    }

    /** Records a meeting of a participating district, dated within its kind's period (422 otherwise). */
    @Transactional
    public OutreachMeeting recordMeeting(String district, NewMeeting request) {
        int year = request.heldOn().getYear();
        requireParticipant(year, district, "heldOn");
        calendar(year, "heldOn").requireMeetingDate(request.kind(), request.heldOn());
        OutreachMeeting m = new OutreachMeeting();
        m.id = UUID.randomUUID();
        m.year = year;
        m.district = district;
        m.kind = request.kind();
        m.heldOn = request.heldOn();
        m.participants = request.participants();
        m.result = request.result();
        m.persist();
        return m;
    }

    @Transactional
    public ConsultingRequest requestConsulting(String district, NewConsulting request) {
        ConsultingRequest c = new ConsultingRequest();
        c.id = UUID.randomUUID();
        c.district = district;
        c.requestedOn = request.requestedOn();
        c.topic = request.topic();
        c.status = ConsultingRequest.Status.OPEN;
        c.persist();
        return c;
    }

    /** Answers a consulting request once (409 after), not before it was asked (422). */
    @Transactional
    public ConsultingRequest answer(UUID id, Answer request) {
        ConsultingRequest c = ConsultingRequest.findById(id);
        if (c == null) {
            throw ProblemException.notFound("Consulting request", id);
        }
        if (c.status == ConsultingRequest.Status.ANSWERED) {
            throw ProblemException.conflict("already-answered", "Consulting request " + id + " was answered on " + c.answeredOn);
        }
        if (request.answeredOn().isBefore(c.requestedOn)) {
            throw ProblemException.unprocessable("answeredOn", "must not be before the request (" + c.requestedOn + ")");
        }
        c.status = ConsultingRequest.Status.ANSWERED;
        c.answer = request.answer();
        c.answeredOn = request.answeredOn();
        return c;
    }

    @Transactional
    public List<ConsultingRequest> requests(String district) {
        return ConsultingRequest.list("district = ?1 order by requestedOn", district);
    }

    /** Plans a participating district's support for a quarter of the support period, once a quarter (409). */
    @Transactional
    public OutreachSupportPlan planSupport(String district, NewSupportPlan request) {
        int year = request.plannedOn().getYear();
        requireParticipant(year, district, "plannedOn");
        calendar(year, "plannedOn").requireSupportPlan(request.quarter(), request.plannedOn());
        if (OutreachSupportPlan.count("year = ?1 and district = ?2 and quarter = ?3", year, district, request.quarter()) > 0) {
            throw ProblemException.conflict("quarter-planned", SeoulDistricts.name(district) + " already has its support plan for "
                    + year + " Q" + request.quarter() + " (분기별 1회)").with("quarter", request.quarter());
        }
        OutreachSupportPlan plan = new OutreachSupportPlan();
        plan.id = UUID.randomUUID();
        plan.year = year;
        plan.district = district;
        plan.quarter = request.quarter();
        plan.plannedOn = request.plannedOn();
        plan.plan = request.plan();
        plan.persist();
        return plan;
    }

    @Transactional
    public PlanView plan(int year) {
        OutreachProgramme programme = OutreachProgramme.findById(year);
        if (programme == null) {
            throw ProblemException.notFound("Outreach programme of year", year);
        }
        OutreachCalendar calendar = OutreachCalendar.of(programme);
        List<PlanDistrict> districts = participants(year).stream().map(p -> new PlanDistrict(p.district(), p.name(), p.stage(),
                p.meetings(), p.advisoryMeetings(), OutreachSupportPlan.<OutreachSupportPlan>list(
                        "year = ?1 and district = ?2 order by quarter", year, p.district()).stream().map(SupportPlanView::of).toList()))
                .toList();
        return new PlanView(year, new Period(programme.operatingFrom, programme.operatingTo),
                new Period(programme.meetingsFrom, programme.meetingsTo), new Period(programme.councilFrom, programme.councilTo),
                calendar.plannedQuarters(), programme.programmeId, districts);
    }

    private static void requireParticipant(int year, String district, String field) {
        if (OutreachDistrict.count("year = ?1 and district = ?2", year, district) == 0) {
            throw ProblemException.unprocessable(field, SeoulDistricts.name(district) + " does not take part in " + year);
        }
    }

    private static OutreachCalendar calendar(int year, String field) {
        OutreachProgramme programme = OutreachProgramme.findById(year);
        if (programme == null) {
            throw ProblemException.unprocessable(field, "there is no outreach programme in " + year);
        }
        return OutreachCalendar.of(programme);
    }
}
