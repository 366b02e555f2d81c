package kr.chamyeo.governance.sortition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import kr.chamyeo.governance.sortition.SortitionApi.QuotaInput;
import kr.chamyeo.governance.sortition.SortitionApi.VolunteerInput;
import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.events.ReceivedEvent;
import kr.chamyeo.platform.problem.ProblemException;

/**
 * Answers community-service's autonomy-council lottery (주민자치회 위원 추첨) with a fair draw, in two steps (issue 23):
 * the request is solved and stored under community's seed commitment, and drawn only when the public ceremony's
 * {@code CouncilLotteryDrawRequested} brings the seed and the public value. A correlation id seen before changes
 * nothing; every request gets exactly one answer, drawn or failed.
 */
@ApplicationScoped
public class CouncilLotteryHandler implements EventHandler {

    public static final String TOPIC = "governance.sortitions";

    @Inject
    SortitionService service;

    @Inject
    Outbox outbox;

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LotteryRequested(String correlationId, String councilId, String district, String dong, Integer seats,
                                   Integer reserves, List<PoolEntry> pool, List<QuotaEntry> quotas, String seedCommitment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DrawRequested(String correlationId, String councilId, String seed, String publicValue) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PoolEntry(String id, Map<String, String> features, String household) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuotaEntry(String feature, String value, Integer min, Integer max) {
    }

    /** The answer of a drawn lottery: the panel, the reserves and what lets anyone re-run the draw. */
    public record MembersDrawn(String correlationId, String councilId, String sortitionId, List<String> selected,
                               List<String> reserves, String seedCommitment, String seed, String publicValue) {
    }

    /** The answer of a lottery that could not be drawn, with the quotas that conflict when that is why. */
    public record LotteryFailed(String correlationId, String councilId, String reason, List<String> conflictingQuotas) {
    }

    @Override
    public String topic() {
        return "community.councils";
    }

    @Override
    public void handle(ReceivedEvent event) {
        switch (event.type()) {
            case "CouncilLotteryRequested" -> requested(event.dataAs(LotteryRequested.class));
            case "CouncilLotteryDrawRequested" -> draw(event.dataAs(DrawRequested.class));
            default -> { }
        }
    }

    private void requested(LotteryRequested request) {
        if (request.correlationId() == null || Sortition.byCorrelation(request.correlationId()) != null) {
            return;
        }
        String title = "주민자치회 위원 추첨 " + request.councilId() + (request.dong() == null ? "" : " (" + request.dong() + ")");
        int reserves = request.reserves() == null ? 0 : Math.max(0, request.reserves());
        String invalid = invalid(request);
        if (invalid != null) {
            fail(request, title, reserves, invalid, List.of());
            return;
        }
        List<VolunteerInput> pool = request.pool().stream()
                .map(p -> new VolunteerInput(p.id(), new LinkedHashMap<>(p.features()), p.household(), null)).toList();
        List<QuotaInput> quotas = request.quotas() == null ? List.of() : request.quotas().stream()
                .map(q -> new QuotaInput(q.feature(), q.value(), q.min() == null ? 0 : q.min(),
                        q.max() == null ? request.seats() : q.max())).toList();
        boolean households = pool.stream().anyMatch(p -> p.household() != null && !p.household().isBlank());
        SortitionService.Prepared prepared;
        try {
            prepared = service.prepare(pool, request.seats(), quotas, List.of(), households, LeximinSolver.Fairness.LEXIMIN);
        } catch (InfeasibleQuotasException e) {
            fail(request, title, reserves, "quotas cannot all be met: " + e.getMessage(), e.conflicting());
            return;
        } catch (ProblemException e) {
            fail(request, title, reserves, e.getMessage(), List.of());
            return;
        }
        // Only the commitment: the seed comes with the ceremony's public value, so nothing stored now tells the panel.
        service.commit(request.district(), title, reserves, prepared, request.seedCommitment(), request.correlationId(), request.councilId(), null);
    }

    /**
     * Draws a committed council lottery on the ceremony's seed and public value. A lottery drawn or failed already is
     * left as it is (a repeated event); a seed that does not open the commitment is refused by the draw, so the event
     * is parked rather than drawn.
     */
    private void draw(DrawRequested request) {
        Sortition s = request.correlationId() == null ? null : Sortition.byCorrelation(request.correlationId());
        if (s == null || s.status != Sortition.Status.COMMITTED) {
            return;
        }
        if (request.publicValue() == null || request.publicValue().isBlank()) {
            throw ProblemException.unprocessable("publicValue", "is required: the value drawn at the public ceremony");
        }
        service.draw(s, request.seed(), request.publicValue());
        MembersDrawn drawn = new MembersDrawn(s.correlationId, s.councilId, s.id.toString(), service.list(s.selected),
                service.list(s.reserves), s.seedCommitment, s.seed, s.publicValue);
        outbox.publish(TOPIC, "CouncilMembersDrawn", s.id.toString(), drawn);
    }

    private static String invalid(LotteryRequested r) {
        if (r.district() == null || !kr.chamyeo.platform.district.SeoulDistricts.isDistrict(r.district())) {
            return "district: must be one of Seoul's 25 district codes";
        }
        if (r.seedCommitment() == null || !r.seedCommitment().matches("[0-9a-f]{64}")) {
            return "seedCommitment: must be the 64 lower-case hex digits of SHA-256(seed)";
        }
        if (r.seats() == null || r.seats() < 1) {
            return "seats: must be at least 1";
        }
        if (r.pool() == null || r.pool().isEmpty()) {
            return "pool: must not be empty";
        }
        for (PoolEntry p : r.pool()) {
            if (p.id() == null || p.id().isBlank() || p.features() == null) {
                return "pool: every entry needs an id and features";
            }
        }
        if (r.quotas() != null) {
            for (QuotaEntry q : r.quotas()) {
                if (q.feature() == null || q.value() == null) {
                    return "quotas: every quota needs a feature and a value";
                }
            }
        }
        return null;
    }

    private void fail(LotteryRequested r, String title, int reserves, String reason, List<String> conflicting) {
        // The failure is stored under its correlation id, so a repeated request is answered once only.
        Sortition s = service.storeFailure(r.district() == null ? "" : r.district(), title,
                r.seats() == null ? 0 : r.seats(), reserves, r, reason, conflicting, r.correlationId(), r.councilId());
        LotteryFailed failed = new LotteryFailed(r.correlationId(), r.councilId(), reason, conflicting);
        outbox.publish(TOPIC, "CouncilLotteryFailed", s.id.toString(), failed);
    }
}
