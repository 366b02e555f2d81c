package kr.chamyeo.community.grant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Values a self-contribution (자부담) that may be cash or not, following the seed's matching-fund example
 * (Seattle Neighborhood Matching Fund): volunteer labour at a flat hourly rate, professional (talent) work at the
 * stated rate up to a ceiling, goods or space in kind at their stated market or rental value, public resources
 * (officials' time, public facilities, other public grants) not counted at all.
 * <p>
 * The seed's NMF rates are dollars ($20/h, up to $100/h). A programme states its own rates in won; where it does not,
 * the dollar rates are converted at {@code chamyeo.community.contribution.won-per-dollar} (application.properties:
 * a round 1,000원 per dollar by default, which is a working figure and not a market rate — the Seoul foreign-exchange
 * market opened at 1,066원 per dollar on 2 January 2018, as the plan began — so a city that wants the market rate sets it there).
 * <p>
 * The NMF's own minimum, "자부담 총액은 보조금 신청액의 절반 이상" ({@link #NMF_MINIMUM_SHARE}), is the Seattle example
 * the seed cites, not a Seoul rule, so a programme opts into it ({@code minimumContributionShare}); it is compared
 * exactly, without rounding the share, so 499,999원 of a 1,000,000원 grant falls short of half.
 * <p>
 * Cash has always counted in full. The non-cash part (공동체 자원) is recognised only up to a share of the grant
 * asked that rises with the plan year (Ⅶ: 10% in 2018, 20%, 30%, 40%, 50% in 2022, so no year in between needs
 * interpolating); before the plan no non-cash resource was recognised, after it the 2022 share of 50% holds.
 */
public final class ContributionValuation {

    /** Seattle NMF: 노동·참여 시간당 20달러 인정. */
    public static final long NMF_LABOUR_DOLLARS = 20;
    /** Seattle NMF: 재능기부(전문가) 최대 시간당 100달러까지 인정. */
    public static final long NMF_PROFESSIONAL_MAX_DOLLARS = 100;
    /** Seattle NMF: 자부담 총액은 보조금 신청액의 절반 이상. */
    public static final BigDecimal NMF_MINIMUM_SHARE = new BigDecimal("0.5");
    /** The default of chamyeo.community.contribution.won-per-dollar (see the class comment). */
    public static final long DEFAULT_WON_PER_DOLLAR = 1_000;

    @Schema(name = "ContributionKind")
    public enum Kind {
        /** 현금 */
        CASH,
        /** 자원활동 시간 */
        VOLUNTEER_HOURS,
        /** 재능기부(전문가) 시간 */
        PROFESSIONAL_HOURS,
        /** 현물 (물품, 공간) */
        IN_KIND,
        /** 공공자원: not counted */
        PUBLIC_RESOURCE
    }

    public record Rule(long labourRatePerHour, long professionalMaxRatePerHour, BigDecimal minimumShareOfGrant) {
        public static Rule defaults() {
            return nmf(DEFAULT_WON_PER_DOLLAR);
        }

        /** The NMF's hourly rates in won, without its minimum share. */
        public static Rule nmf(long wonPerDollar) {
            return new Rule(Math.multiplyExact(NMF_LABOUR_DOLLARS, wonPerDollar),
                    Math.multiplyExact(NMF_PROFESSIONAL_MAX_DOLLARS, wonPerDollar), null);
        }
    }

    /** One line of a self-contribution as declared by the applicant. */
    public record Contribution(Kind kind, String description, BigDecimal hours, Long ratePerHour, Long amount) {
    }

    @Schema(description = "One contribution line with the value the rule gives it")
    public record Line(Kind kind, String description, long value, String basis) {
    }

    @Schema(description = "자부담 평가: the value of each line, the cap on the non-cash part and what is recognised")
    public record Result(int year, List<Line> lines, long cash, long nonCash,
                         @Schema(description = "share of the grant up to which non-cash resources count") BigDecimal nonCashShareCap,
                         long nonCashCap, long recognisedNonCash, long recognised,
                         @Schema(description = "recognised ÷ grant asked") BigDecimal recognisedShareOfGrant,
                         boolean meetsMinimum) {
    }

    private ContributionValuation() {
    }

    /** 현금 외 공동체 자원 자부담 인정 비율 for a year. */
    public static BigDecimal nonCashShareCap(int year) {
        if (year < 2018) {
            return BigDecimal.ZERO;
        }
        int step = Math.min(year, 2022) - 2017;
        return BigDecimal.valueOf(step * 10L, 2);
    }

    public static Result value(Rule rule, int year, long grantAsked, List<Contribution> contributions) {
        if (grantAsked <= 0) {
            throw new IllegalArgumentException("grant asked must be positive");
        }
        List<Line> lines = new ArrayList<>();
        long cash = 0;
        long nonCash = 0;
        for (Contribution c : contributions) {
            Line line = line(rule, c);
            lines.add(line);
            if (c.kind() == Kind.CASH) {
                cash = Math.addExact(cash, line.value());
            } else {
                nonCash = Math.addExact(nonCash, line.value());
            }
        }
        BigDecimal share = nonCashShareCap(year);
        long cap = share.multiply(BigDecimal.valueOf(grantAsked)).setScale(0, RoundingMode.FLOOR).longValueExact();
        long recognisedNonCash = Math.min(nonCash, cap);
        long recognised = cash + recognisedNonCash;
        BigDecimal ofGrant = BigDecimal.valueOf(recognised).divide(BigDecimal.valueOf(grantAsked), 4, RoundingMode.HALF_UP);
        boolean meets = rule.minimumShareOfGrant() == null
                || BigDecimal.valueOf(recognised).compareTo(rule.minimumShareOfGrant().multiply(BigDecimal.valueOf(grantAsked))) >= 0;
        return new Result(year, lines, cash, nonCash, share, cap, recognisedNonCash, recognised, ofGrant, meets);
    }

    private static Line line(Rule rule, Contribution c) {
        return switch (c.kind()) {
            case CASH -> new Line(c.kind(), c.description(), require(c.amount(), "amount"), "cash at face value");
            case VOLUNTEER_HOURS -> new Line(c.kind(), c.description(),
                    hoursTimes(c.hours(), rule.labourRatePerHour()), c.hours() + " h × " + rule.labourRatePerHour() + "원");
            case PROFESSIONAL_HOURS -> {
                long rate = Math.min(require(c.ratePerHour(), "ratePerHour"), rule.professionalMaxRatePerHour());
                yield new Line(c.kind(), c.description(), hoursTimes(c.hours(), rate), c.hours() + " h × " + rate + "원"
                        + (rate < c.ratePerHour() ? " (capped from " + c.ratePerHour() + "원)" : ""));
            }
            case IN_KIND -> new Line(c.kind(), c.description(), require(c.amount(), "amount"), "stated market or rental value");
            case PUBLIC_RESOURCE -> new Line(c.kind(), c.description(), 0, "public resources are not counted");
        };
    }

    private static long hoursTimes(BigDecimal hours, long rate) {
        if (hours == null) {
            throw new IllegalArgumentException("hours");
        }
        return hours.multiply(BigDecimal.valueOf(rate)).setScale(0, RoundingMode.FLOOR).longValueExact();
    }

    private static long require(Long value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field);
        }
        return value;
    }
}
