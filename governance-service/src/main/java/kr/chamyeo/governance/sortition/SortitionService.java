package kr.chamyeo.governance.sortition;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kr.chamyeo.governance.sortition.SortitionApi.CreateSortition;
import kr.chamyeo.governance.sortition.SortitionApi.DistributionView;
import kr.chamyeo.governance.sortition.SortitionApi.DrawRequest;
import kr.chamyeo.governance.sortition.SortitionApi.ProportionalInput;
import kr.chamyeo.governance.sortition.SortitionApi.QuotaInput;
import kr.chamyeo.governance.sortition.SortitionApi.SortitionView;
import kr.chamyeo.governance.sortition.SortitionApi.StoredInputs;
import kr.chamyeo.governance.sortition.SortitionApi.Verification;
import kr.chamyeo.governance.sortition.SortitionApi.VolunteerInput;
import kr.chamyeo.platform.page.Page;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.security.Caller;
import kr.chamyeo.platform.security.Roles;

/** Turns requests into sortition problems, solves them, stores, draws and re-checks them. */
@ApplicationScoped
public class SortitionService {

    /** Past this the distribution is kept as far as it got (still valid, possibly less fair); see LeximinSolver. */
    private static final java.time.Duration SOLVER_BUDGET = java.time.Duration.ofSeconds(60);

    @Inject
    ObjectMapper mapper;

    @Inject
    Caller caller;

    /**
     * An officer's sortition: the citizens' jury's rules first when it is one ({@link JuryRules}), then solved outside
     * any transaction (the LP/MIP rounds take seconds and touch no data), then stored — and drawn unless the draw waits
     * for its public ceremony, whose public value is fixed there and not before.
     */
    public SortitionView create(CreateSortition request) {
        boolean drawNow = !Boolean.FALSE.equals(request.drawNow());
        if (!drawNow && request.publicValue() != null) {
            throw ProblemException.unprocessable("publicValue", "is fixed at the draw (/draw), not before it");
        }
        if (request.citizensJury() != null) {
            JuryRules.check(request.panelSize(), request.reserves(), request.pool().stream().map(VolunteerInput::birthDate).toList(),
                    request.citizensJury().termStart(), request.citizensJury().termEnd());
        }
        // Birth dates served the jury's age check only; the draw and its stored record need ids and features.
        List<VolunteerInput> pool = request.pool().stream()
                .map(v -> new VolunteerInput(v.id(), v.features(), v.household(), null)).toList();
        Prepared prepared;
        try {
            prepared = prepare(pool, request.panelSize(), request.quotas(), request.proportionalQuotas(),
                    Boolean.TRUE.equals(request.onePerHousehold()), request.fairness());
        } catch (InfeasibleQuotasException e) {
            throw infeasible(e);
        }
        return QuarkusTransaction.requiringNew().call(() -> view(store(request.district(), request.title(), request.reserves(),
                prepared, drawNow, request.publicValue(), null, null, request.citizensJury())));
    }

    /** A sortition with its inputs, for an officer of its district: 404 when unknown, 403 for another district's officer. */
    @Transactional
    public SortitionView get(UUID id) {
        return view(find(id));
    }

    @Transactional
    public DistributionView distribution(UUID id) {
        return distributionView(find(id));
    }

    /** The public ceremony's draw of {@code id} ({@link #draw(Sortition, String, String)}). */
    @Transactional
    public SortitionView draw(UUID id, DrawRequest request) {
        Sortition s = find(id);
        draw(s, request.seed(), request.publicValue());
        return view(s);
    }

    @Transactional
    public Verification verify(UUID id) {
        return verify(find(id));
    }

    private Sortition find(UUID id) {
        Sortition s = Sortition.<Sortition>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Sortition", id));
        caller.requireDistrict(s.district, Roles.OFFICER);
        return s;
    }

    /** A problem ready to store: its inputs as given and the solved distribution. */
    public record Prepared(SortitionProblem problem, StoredInputs inputs, PanelDistribution distribution) {
    }

    /** Checks the request's cross-field rules and solves it; 422 naming the conflicting quotas if none can be met. */
    public Prepared prepare(List<VolunteerInput> pool, int panelSize, List<QuotaInput> quotaInputs,
                            List<ProportionalInput> proportional, boolean onePerHousehold, LeximinSolver.Fairness fairness) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < pool.size(); i++) {
            if (!ids.add(pool.get(i).id())) {
                throw ProblemException.unprocessable("pool[" + i + "].id", "must be unique, " + pool.get(i).id() + " appears twice");
            }
        }
        List<Quota> quotas = new ArrayList<>();
        List<QuotaInput> given = quotaInputs == null ? List.of() : quotaInputs;
        for (int q = 0; q < given.size(); q++) {
            QuotaInput in = given.get(q);
            if (in.min() > in.max()) {
                throw ProblemException.unprocessable("quotas[" + q + "].min", "must not exceed max (" + in.min() + " > " + in.max() + ")");
            }
            quotas.add(new Quota(in.feature(), in.value(), in.min(), Math.min(in.max(), panelSize)));
        }
        List<ProportionalInput> shares = proportional == null ? List.of() : proportional;
        for (int p = 0; p < shares.size(); p++) {
            double total = shares.get(p).shares().values().stream().mapToDouble(Double::doubleValue).sum();
            if (Math.abs(total - 1) > 0.01) {
                throw ProblemException.unprocessable("proportionalQuotas[" + p + "].shares",
                        "must add up to 1 (got " + Math.round(total * 1000) / 1000.0 + ")");
            }
            quotas.addAll(ProportionalQuotas.of(shares.get(p).feature(), shares.get(p).shares(), panelSize));
        }
        List<Volunteer> volunteers = pool.stream().map(v -> new Volunteer(v.id(), v.features(), v.household())).toList();
        SortitionProblem problem = new SortitionProblem(volunteers, panelSize, quotas, onePerHousehold);
        LeximinSolver.Fairness rule = fairness == null ? LeximinSolver.Fairness.LEXIMIN : fairness;
        return new Prepared(problem, new StoredInputs(pool, quotas, shares, rule),
                new LeximinSolver(rule, SOLVER_BUDGET).solve(problem));
    }

    private static ProblemException infeasible(InfeasibleQuotasException e) {
        return ProblemException.unprocessable("quotas", "cannot all be met: " + e.getMessage()
                        + (e.conflicting().isEmpty() ? "" : "; conflicting: " + String.join(", ", e.conflicting())))
                .with("conflictingQuotas", e.conflicting());
    }

    /**
     * Stores a solved sortition under a fresh seed's commitment. Drawn now with {@code publicValue} ("" when none was
     * given: an immediate draw has no ceremony), or later: then the seed is not stored but handed out once
     * ({@link Sortition#heldSeed}) for the officer to bring to the draw.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sortition store(String district, String title, int reserves, Prepared prepared, boolean drawNow, String publicValue,
                           String correlationId, String councilId, SortitionApi.JuryInput jury) {
        String seed = Lottery.newSeed();
        Sortition s = commit(district, title, reserves, prepared, Lottery.commitment(seed), correlationId, councilId, jury);
        if (drawNow) {
            draw(s, seed, publicValue == null ? "" : publicValue);
        } else {
            s.heldSeed = seed;
        }
        return s;
    }

    /** Stores a solved sortition that waits for its draw under a seed commitment made elsewhere (a council lottery's). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Sortition commit(String district, String title, int reserves, Prepared prepared, String seedCommitment,
                            String correlationId, String councilId, SortitionApi.JuryInput jury) {
        Sortition s = new Sortition();
        s.id = UUID.randomUUID();
        s.district = district;
        s.title = title;
        s.correlationId = correlationId;
        s.councilId = councilId;
        s.status = Sortition.Status.COMMITTED;
        s.panelSize = prepared.problem().panelSize();
        s.reserveCount = reserves;
        s.onePerHousehold = prepared.problem().onePerHousehold();
        s.inputs = json(prepared.inputs());
        s.distribution = json(prepared.distribution());
        s.minimumProbability = prepared.distribution().minimumProbability();
        if (jury != null) {
            s.juryTermStart = jury.termStart();
            s.juryTermEnd = jury.termEnd();
        }
        s.seedCommitment = seedCommitment;
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        return s;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Sortition storeFailure(String district, String title, int panelSize, int reserves, Object inputs,
                                  String reason, List<String> conflicting, String correlationId, String councilId) {
        Sortition s = new Sortition();
        s.id = UUID.randomUUID();
        s.district = district;
        s.title = title;
        s.correlationId = correlationId;
        s.councilId = councilId;
        s.status = Sortition.Status.FAILED;
        s.panelSize = panelSize;
        s.reserveCount = reserves;
        s.inputs = json(inputs);
        s.failureReason = reason;
        s.conflictingQuotas = json(conflicting);
        s.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        s.persist();
        return s;
    }

    /**
     * Draws a committed sortition with the seed whose commitment it holds and the ceremony's public value; both are
     * stored and shown from now on. A sortition committed before issue 23 kept its seed, which then needs no bringing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void draw(Sortition s, String seed, String publicValue) {
        s.seed = s.drawingSeed(seed);
        s.publicValue = publicValue;
        Lottery.Draw draw = Lottery.draw(problemOf(s), distributionOf(s), Lottery.drawSeed(s.seed, s.publicValue), s.reserveCount);
        s.selected = json(draw.selected());
        s.reserves = json(draw.reserves());
        s.panelIndex = draw.panelIndex();
        s.status = Sortition.Status.DRAWN;
        s.drawnAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Re-runs the draw from the stored inputs, distribution, revealed seed and public value. */
    public Verification verify(Sortition s) {
        s.requireDrawn();
        Lottery.Draw again = Lottery.draw(problemOf(s), distributionOf(s), Lottery.drawSeed(s.seed, s.publicValue), s.reserveCount);
        return new Verification(Lottery.commitment(s.seed).equals(s.seedCommitment),
                again.selected().equals(list(s.selected)), again.reserves().equals(list(s.reserves)),
                again.selected(), again.reserves());
    }

    public SortitionView view(Sortition s) {
        boolean drawn = s.status == Sortition.Status.DRAWN;
        StoredInputs inputs = read(s.inputs, StoredInputs.class);
        PanelDistribution d = s.distribution == null ? null : distributionOf(s);
        return new SortitionView(s.id, s.district, s.title, s.status.name(), s.seedCommitment, drawn ? s.seed : null,
                drawn ? s.publicValue : null, s.heldSeed,
                s.panelSize, s.reserveCount, s.onePerHousehold, inputs == null ? null : inputs.fairness(), inputs == null ? List.of() : inputs.quotas(),
                inputs == null ? List.of() : inputs.pool(), d == null ? null : d.selectionProbabilities(),
                d == null ? 0 : d.minimumProbability(), d == null ? List.of() : d.unselectable(),
                drawn ? list(s.selected) : null, drawn ? list(s.reserves) : null, s.correlationId, s.councilId,
                s.juryTermStart == null ? null : new SortitionApi.JuryView(s.juryTermStart, s.juryTermEnd,
                        JuryRules.termDays(s.juryTermStart, s.juryTermEnd), JuryRules.MAX_TERM_DAYS),
                s.createdAt, s.drawnAt);
    }

    @Transactional
    public Page<SortitionApi.SortitionSummary> list(String district, int page, int size) {
        var query = district == null ? Sortition.find("order by createdAt desc, id")
                : Sortition.find("district = ?1 order by createdAt desc, id", district);
        List<SortitionApi.SortitionSummary> items = query.page(page, size).<Sortition>list().stream().map(s -> {
            StoredInputs inputs = s.status == Sortition.Status.FAILED ? null : read(s.inputs, StoredInputs.class);
            return new SortitionApi.SortitionSummary(s.id, s.district, s.title, s.status.name(), s.panelSize, s.reserveCount,
                    inputs == null ? null : inputs.pool().size(), s.minimumProbability, s.seedCommitment,
                    s.status == Sortition.Status.DRAWN ? s.seed : null, s.status == Sortition.Status.DRAWN ? s.publicValue : null,
                    s.createdAt, s.drawnAt);
        }).toList();
        return Page.of(items, page, size, query::count);
    }

    public DistributionView distributionView(Sortition s) {
        PanelDistribution d = distributionOf(s);
        return new DistributionView(d.types(), d.compositions(), d.probabilities());
    }

    public List<String> list(String json) {
        return json == null ? List.of() : read(json, new TypeReference<List<String>>() { });
    }

    private SortitionProblem problemOf(Sortition s) {
        StoredInputs inputs = read(s.inputs, StoredInputs.class);
        List<Volunteer> pool = inputs.pool().stream().map(v -> new Volunteer(v.id(), v.features(), v.household())).toList();
        return new SortitionProblem(pool, s.panelSize, inputs.quotas(), s.onePerHousehold);
    }

    private PanelDistribution distributionOf(Sortition s) {
        if (s.distribution == null) {
            throw ProblemException.conflict("failed", "Sortition " + s.id + " failed: " + s.failureReason);
        }
        return read(s.distribution, PanelDistribution.class);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sortition data unreadable", e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored sortition data unreadable", e);
        }
    }
}
