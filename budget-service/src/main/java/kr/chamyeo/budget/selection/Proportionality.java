package kr.chamyeo.budget.selection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What residents can check about an outcome's proportionality (비례성): EJR, EJR up to one project and PJR with a
 * witness group when violated ({@link JustifiedRepresentation}), the share of the budget each electorate's voters
 * effectively decided, and the rounds of Equal Shares or Sequential Phragmén told in plain Korean and English.
 */
@Schema(description = "비례성 (proportionality) of the outcome: EJR / EJR up to one project / PJR for approval ballots with "
        + "cost utilities as pabutools defines them (pabutools.analysis.justifiedrepresentation: is_EJR_approval, "
        + "is_EJR_one_approval, is_PJR_approval with Cost_Sat), with a witness group when violated; the share of the budget "
        + "each electorate's voters decided; and the rule's rounds in Korean and English")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Proportionality(
        @Schema(description = "Extended justified representation (확장 정당대표성)") CheckView ejr,
        @Schema(description = "EJR up to one project — what the Method of Equal Shares guarantees") CheckView ejrUpToOne,
        @Schema(description = "Proportional justified representation (비례 정당대표성)") CheckView pjr,
        @Schema(description = "Steps the check took (voter groups looked at); it is exact up to " + JustifiedRepresentation.MAX_WORK,
                example = "5231") long checkSteps,
        @Schema(description = "Per electorate (투표 채널): its weight, its voters and the part of the budget its voters decided")
        List<ElectorateShare> electorates,
        @Schema(description = "The rule's account in plain words (선정 과정 설명)") Account account) {

    @Schema(description = "One property: SATISFIED, VIOLATED (with a witness group) or NOT_CHECKED (with the reason: too large)")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CheckView(
            @Schema(example = "VIOLATED") JustifiedRepresentation.Status status,
            Witness witness,
            @Schema(description = "Why it was not checked", example = "not checked: too large — deciding it needs more than 20000000 steps")
            String reason,
            @Schema(example = "EJR 미충족: 투표자 4명(주민 4명, 전체 투표 비중의 40.00%)이 모두 'B'을(를) 선택했습니다(합계 40원, 예산의 40.00%). …") String ko,
            @Schema(example = "EJR is not satisfied: 4 voters (40.00% of the voters' weight) all approve B (40, 40.00% of the budget) …")
            String en) {
    }

    @Schema(description = "A cohesive group the outcome leaves short (pabutools' cohesive group: every member approves all the "
            + "projects, and the group's share of the voters is at least the projects' share of the budget)")
    public record Witness(
            @Schema(description = "The projects T all members approve", example = "[\"17\", \"23\"]") List<String> projects,
            @Schema(description = "cost(T)", example = "40000000") long cost,
            @Schema(example = "412") long voters,
            @Schema(description = "Members per electorate", example = "{\"RESIDENTS\": 400, \"COMMITTEE\": 12}")
            Map<String, Long> votersByElectorate,
            @Schema(description = "The members' share of all voting weight (6 decimals)", example = "0.400000") BigDecimal groupShare,
            @Schema(description = "cost(T) ÷ budget", example = "0.400000") BigDecimal costShare,
            @Schema(description = "EJR: the most any member got from the outcome; PJR: what the adopted projects any member "
                    + "approves cost together", example = "0") long got) {
    }

    @Schema(description = "An electorate's part of the decision")
    public record ElectorateShare(
            @Schema(example = "RESIDENTS") String electorate,
            @Schema(description = "Its weight in percent", example = "50") int weight,
            @Schema(example = "1256") int voters,
            @Schema(description = "weight × budget: the part it is entitled to", example = "500000000") long entitledAmount,
            @Schema(description = "What its voters paid for (Equal Shares, Phragmén), plus its part of the score of projects "
                    + "adopted by ranking", example = "488000000") long decidedAmount,
            @Schema(description = "decidedAmount ÷ budget (4 decimals)", example = "0.4880") BigDecimal decidedShare) {
    }

    @Schema(description = "The rule's account: a summary and, for Equal Shares and Sequential Phragmén, one line per round and "
            + "per project left unbought")
    public record Account(
            @Schema(example = "균등배분 방식: 예산 100원을 투표자 10명이 똑같이 나눠 가졌습니다 …") String summaryKo,
            @Schema(example = "Method of Equal Shares: the budget of 100 was shared equally by the 10 voters …") String summaryEn,
            List<RoundView> rounds) {
    }

    @Schema(description = "One round (a purchase) or one project left unbought (round 0)")
    public record RoundView(
            @Schema(example = "1") int round,
            @Schema(example = "17") String project,
            boolean bought,
            @Schema(example = "45000000") long cost,
            @Schema(example = "1라운드: '독산동 어린이 놀이터 개선'(45,000,000원) 선정 — 지지자 812명 보유액 합계 …") String ko,
            @Schema(example = "Round 1: '독산동 어린이 놀이터 개선' (45,000,000 KRW) bought — its 812 supporters held …") String en) {
    }

    /** How the texts name an electorate, and the money. */
    public record Labels(List<String> electorateKo, List<String> electorateEn, String moneyKo, String moneyEn) {
    }

    /**
     * The analysis of a rule's outcome. {@code names} gives a project's name for the texts, {@code ids} the id shown
     * for its key (a cycle shows proposal ids for keys p-&lt;id&gt;).
     */
    public static Proportionality of(Election election, Selection selection, SelectionRule rule, WorkLimit limit,
                                     Map<String, String> names, Map<String, String> ids, Labels labels) {
        JustifiedRepresentation.Report report = JustifiedRepresentation.check(election, Set.copyOf(selection.selected()),
                JustifiedRepresentation.MAX_WORK, limit);
        Texts texts = new Texts(election, names, ids, labels);
        return new Proportionality(texts.check("EJR", report.ejr(), false), texts.check("EJR-1", report.ejrUpToOne(), false),
                texts.check("PJR", report.pjr(), true), report.work(), shares(election, selection),
                texts.account(selection, rule));
    }

    /**
     * What each electorate decided: what its voters paid in the rounds, and for a project adopted by walking down the
     * ranking its cost split as its score is (weight × the electorate's vote share ÷ score).
     */
    static List<ElectorateShare> shares(Election election, Selection selection) {
        int electorates = election.electorates().size();
        double[] decided = new double[electorates];
        for (Selection.Round r : selection.rounds()) {
            if (r.step() != null) {
                for (int e = 0; e < electorates; e++) {
                    decided[e] += r.paid()[e];
                }
            }
        }
        for (Standing s : selection.ranking()) {
            if (selection.steps().get(s.candidate().key()) == Selection.Step.GREEDY && s.score().signum() > 0) {
                for (int e = 0; e < electorates; e++) {
                    BigFraction part = s.shares()[e].multiply(election.electorates().get(e).weight()).divide(s.score());
                    decided[e] += part.multiply(s.candidate().cost()).doubleValue();
                }
            }
        }
        List<ElectorateShare> shares = new ArrayList<>();
        for (int e = 0; e < electorates; e++) {
            Election.Electorate electorate = election.electorates().get(e);
            long amount = Math.round(decided[e]);
            shares.add(new ElectorateShare(electorate.name(), electorate.weight(), electorate.ballots().size(),
                    election.budget() * electorate.weight() / 100, amount, election.budget() == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(election.budget()), 4, RoundingMode.HALF_EVEN)));
        }
        return shares;
    }

    /** The Korean and English sentences. */
    private static final class Texts {
        private final Election election;
        private final Map<String, String> names;
        private final Map<String, String> ids;
        private final Labels labels;

        Texts(Election election, Map<String, String> names, Map<String, String> ids, Labels labels) {
            this.election = election;
            this.names = names;
            this.ids = ids;
            this.labels = labels;
        }

        private String id(String key) {
            return ids.getOrDefault(key, key);
        }

        private String name(String key) {
            return "'" + names.getOrDefault(key, id(key)) + "'";
        }

        private String ko(double amount) {
            return String.format("%,d%s", Math.round(amount), labels.moneyKo());
        }

        private String en(double amount) {
            return String.format("%,d %s", Math.round(amount), labels.moneyEn()).strip();
        }

        private static String percent(BigFraction f) {
            return Fractions.decimal(f.multiply(100)).setScale(2, RoundingMode.HALF_EVEN).toPlainString() + "%";
        }

        CheckView check(String property, JustifiedRepresentation.Check check, boolean pjr) {
            return switch (check.status()) {
                case SATISFIED -> new CheckView(check.status(), null, null,
                        property + " 충족: 자신들의 몫으로 사업 묶음을 충당할 수 있을 만큼 큰 투표자 집단은 모두 "
                                + (pjr ? "선정 사업에서 그 묶음만큼을 함께 얻었습니다." : "그중 누군가가 선정 사업에서 그 묶음만큼을 얻었습니다.")
                                + (property.equals("EJR-1") ? " (빠진 사업 중 가장 비싼 하나를 더해 셈)" : ""),
                        property + " is satisfied: every group of voters large enough to pay for a set of projects they all "
                                + "approve from its own share " + (pjr ? "together got adopted projects worth as much."
                                : "has a member who got adopted projects worth as much.")
                                + (property.equals("EJR-1") ? " (counting the dearest of those projects left out)" : ""));
                case NOT_CHECKED -> new CheckView(check.status(), null, check.reason(),
                        property + " 검사 안 함: 규모가 너무 큽니다 (" + check.reason() + ")", property + " " + check.reason());
                case VIOLATED -> violated(property, check.witness(), pjr);
            };
        }

        private CheckView violated(String property, JustifiedRepresentation.Witness w, boolean pjr) {
            Map<String, Long> byElectorate = new LinkedHashMap<>();
            List<String> partsKo = new ArrayList<>();
            List<String> partsEn = new ArrayList<>();
            for (int e = 0; e < w.votersPerElectorate().length; e++) {
                byElectorate.put(election.electorates().get(e).name(), w.votersPerElectorate()[e]);
                if (w.votersPerElectorate()[e] > 0) {
                    partsKo.add(String.format("%s %,d명", labels.electorateKo().get(e), w.votersPerElectorate()[e]));
                    partsEn.add(String.format("%,d %s", w.votersPerElectorate()[e], labels.electorateEn().get(e)));
                }
            }
            String projectsKo = String.join(", ", w.projects().stream().map(this::name).toList());
            String ko = String.format("%s 미충족: 투표자 %,d명(%s, 전체 투표 비중의 %s)이 모두 %s을(를) 선택했습니다(합계 %s, 예산의 "
                            + "%s). 자신들의 몫으로 충당할 수 있는 묶음이지만 %s", property, w.voters(), String.join(", ", partsKo),
                    percent(w.groupShare()), projectsKo, ko(w.cost()), percent(w.costShare()),
                    pjr ? String.format("이들이 선택한 선정 사업은 모두 합쳐도 %s에 그칩니다.", ko(w.got()))
                            : String.format("이들 중 누구도 선정 사업에서 그만큼을 얻지 못했습니다(가장 많이 얻은 사람: %s%s).",
                            ko(w.got()), property.equals("EJR-1") ? "; 빠진 사업 중 가장 비싼 하나를 더해도 모자람" : ""));
            String en = String.format("%s is not satisfied: %,d voters (%s; %s of all voting weight) all approve %s (%s together, "
                            + "%s of the budget), so they could have paid for it from their own share, but %s",
                    property, w.voters(), String.join(", ", partsEn), percent(w.groupShare()), projectsKo, en(w.cost()),
                    percent(w.costShare()), pjr ? String.format("the adopted projects any of them approves cost only %s together.",
                            en(w.got())) : String.format("none of them got adopted projects worth %s (the best-off got %s%s).",
                            en(w.cost()), en(w.got()), property.equals("EJR-1") ? ", short even with the dearest of those "
                                    + "projects left out" : ""));
            return new CheckView(JustifiedRepresentation.Status.VIOLATED, new Witness(w.projects().stream().map(this::id).toList(),
                    w.cost(), w.voters(), byElectorate, Fractions.decimal(w.groupShare()), Fractions.decimal(w.costShare()), w.got()),
                    null, ko, en);
        }

        Account account(Selection selection, SelectionRule rule) {
            List<RoundView> rounds = new ArrayList<>();
            for (Selection.Round r : selection.rounds()) {
                rounds.add(round(r, rule));
            }
            long greedy = selection.steps().values().stream().filter(s -> s == Selection.Step.GREEDY).count();
            long greedyCost = selection.ranking().stream()
                    .filter(s -> selection.steps().get(s.candidate().key()) == Selection.Step.GREEDY)
                    .mapToLong(s -> s.candidate().cost()).sum();
            int bought = selection.selected().size() - (int) greedy;
            String ko;
            String en;
            switch (rule) {
                case EQUAL_SHARES, EQUAL_SHARES_ADD1U -> {
                    long virtual = selection.completion().virtualTotal();
                    ko = String.format("균등배분 방식(Method of Equal Shares): 예산(%s)을 투표자들이 %s 나눠 가졌습니다(%s). ",
                            ko(election.budget()), election.electorates().size() > 1 ? "채널 비중대로" : "똑같이",
                            String.join(", ", endowments(election.budget(), true)))
                            + (virtual > election.budget() ? String.format("add1 보완 단계에서 선정 결과가 예산 안에 머무는 동안 각자의 몫을 "
                            + "조금씩 올렸고, 예산 안의 마지막 결과를 택했습니다: 가상 총액 %s(%s). ", ko(virtual),
                            String.join(", ", endowments(virtual, true))) : "")
                            + String.format("각 라운드에서 지지자들이 가진 돈으로 사업비를 낼 수 있는 사업 중 한 사람당 부담(편익 1당 가격)이 가장 "
                            + "작은 사업을 골랐고, 지지자들은 똑같이 내되 모자란 사람은 가진 만큼 냈습니다. %d개 사업, %s 선정.", bought,
                            ko(selection.spent() - greedyCost))
                            + (greedy > 0 ? String.format(" 남은 예산을 순위대로 채우는 단계에서 %d개 사업(%s)을 더 선정했습니다.", greedy,
                            ko(greedyCost)) : "")
                            + String.format(" 잔액 %s.", ko(selection.leftover()));
                    en = String.format("Method of Equal Shares: the budget of %s was shared %s by the voters (%s). ",
                            en(election.budget()), election.electorates().size() > 1 ? "by the channels' weights" : "equally",
                            String.join(", ", endowments(election.budget(), false)))
                            + (virtual > election.budget() ? String.format("The add1 completion raised everyone's share step by "
                            + "step while the outcome stayed within the budget and kept the last such outcome: a virtual total "
                            + "of %s (%s). ", en(virtual), String.join(", ", endowments(virtual, false))) : "")
                            + String.format("Each round bought, among the projects whose supporters could still pay for them, "
                            + "the one costing its supporters least per unit of benefit; supporters paid equal parts, those "
                            + "holding less paid all they had. %d projects for %s.", bought, en(selection.spent() - greedyCost))
                            + (greedy > 0 ? String.format(" Going down the ranking with what was left then added %d projects "
                            + "for %s.", greedy, en(greedyCost)) : "")
                            + String.format(" Left over: %s.", en(selection.leftover()));
                }
                case SEQUENTIAL_PHRAGMEN -> {
                    ko = String.format("순차 프라그멘 방식(Sequential Phragmén): 투표자들이 시간에 따라 돈을 벌고(채널 비중대로), 어떤 사업의 "
                            + "지지자들이 그 사업비를 모은 순간 그 사업을 사며 지지자들은 가진 돈을 모두 냅니다. 남은 예산에 들지 않는 사업은 "
                            + "빠집니다. %d개 사업, %s 선정, 잔액 %s.", bought, ko(selection.spent()), ko(selection.leftover()));
                    en = String.format("Sequential Phragmén: voters earn money over time (by their channels' weights); a project "
                            + "is bought the moment its supporters have earned its cost, and they spend all they have; a project "
                            + "that no longer fits in what is left is dropped. %d projects for %s, %s left over.", bought,
                            en(selection.spent()), en(selection.leftover()));
                }
                default -> {
                    ko = String.format("순위 방식: 종합점수 순서대로 남은 예산에 드는 사업을 선정했습니다. %d개 사업, %s 선정, 잔액 %s.",
                            selection.selected().size(), ko(selection.spent()), ko(selection.leftover()));
                    en = String.format("Ranked greedy: projects were taken in order of their weighted score while they fitted in "
                            + "what was left. %d projects for %s, %s left over.", selection.selected().size(),
                            en(selection.spent()), en(selection.leftover()));
                }
            }
            return new Account(ko, en, rounds);
        }

        /** Each electorate's per-voter share of a total. */
        private List<String> endowments(long total, boolean korean) {
            List<String> parts = new ArrayList<>();
            for (int e = 0; e < election.electorates().size(); e++) {
                Election.Electorate electorate = election.electorates().get(e);
                int voters = electorate.ballots().size();
                double each = voters == 0 ? 0 : (double) total * electorate.weight() / 100 / voters;
                parts.add(korean ? String.format("%s %,d명 각 %s", labels.electorateKo().get(e), voters, ko(each))
                        : String.format("each of %,d %s %s", voters, labels.electorateEn().get(e), en(each)));
            }
            return parts;
        }

        private RoundView round(Selection.Round r, SelectionRule rule) {
            boolean phragmen = rule == SelectionRule.SEQUENTIAL_PHRAGMEN;
            String project = name(r.key());
            if (r.step() == null) {
                String ko = phragmen
                        ? String.format("%s(%s) 미선정 — 지지자 %,d명이 사업비를 모았을 때 남은 예산 %s.", project, ko(r.cost()),
                        r.supporters(), ko(r.held()))
                        : String.format("%s(%s) 미선정 — 더 살 수 있는 사업이 없을 때 지지자 %,d명 보유액 합계 %s(사업비에 모자람).",
                        project, ko(r.cost()), r.supporters(), ko(r.held()));
                String en = phragmen
                        ? String.format("%s (%s) not bought: when its %,d supporters had earned its cost, only %s of the budget "
                        + "was left.", project, en(r.cost()), r.supporters(), en(r.held()))
                        : String.format("%s (%s) not bought: when no project could be paid for any more, its %,d supporters "
                        + "held only %s together.", project, en(r.cost()), r.supporters(), en(r.held()));
                return new RoundView(0, id(r.key()), false, r.cost(), ko, en);
            }
            List<String> paidKo = new ArrayList<>();
            List<String> paidEn = new ArrayList<>();
            for (int e = 0; e < r.paid().length; e++) {
                if (Math.round(r.paid()[e]) > 0) {
                    paidKo.add(labels.electorateKo().get(e) + " " + ko(r.paid()[e]));
                    paidEn.add(labels.electorateEn().get(e) + " " + en(r.paid()[e]));
                }
            }
            String ko = phragmen
                    ? String.format("%d라운드: %s(%s) 선정 — 지지자 %,d명이 시점 %.6g에 사업비를 모음, 1인 최대 부담 %s(%s).",
                    r.round(), project, ko(r.cost()), r.supporters(), r.rho(), ko(r.maxPayment()), String.join(", ", paidKo))
                    : String.format("%d라운드: %s(%s) 선정 — 지지자 %,d명 보유액 합계 %s, 1인 최대 부담 %s(편익 1당 %.6g; %s).",
                    r.round(), project, ko(r.cost()), r.supporters(), ko(r.held()), ko(r.maxPayment()), r.rho(),
                    String.join(", ", paidKo));
            String en = phragmen
                    ? String.format("Round %d: %s (%s) bought — its %,d supporters had earned its cost at time %.6g; each paid at "
                    + "most %s (%s).", r.round(), project, en(r.cost()), r.supporters(), r.rho(), en(r.maxPayment()),
                    String.join(", ", paidEn))
                    : String.format("Round %d: %s (%s) bought — its %,d supporters held %s together; each paid at most %s "
                    + "(%.6g per unit of benefit; %s).", r.round(), project, en(r.cost()), r.supporters(), en(r.held()),
                    en(r.maxPayment()), r.rho(), String.join(", ", paidEn));
            return new RoundView(r.round(), id(r.key()), true, r.cost(), ko, en);
        }
    }
}
