package kr.chamyeo.community.council;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Rules of the residents' general meeting (주민총회) vote on the self-governance plan.
 * <p>
 * Adoption: the vote is an approval ballot (each voter approves any number of agenda items); an item is
 * adopted when more than half of the residents who voted approved it (votes × 2 &gt; voters). A tie is not a
 * majority.
 * <p>
 * Turnout target: the seed sets 자치계획 투표율 2.8% (2017) → 5% (2022) without the years between; they are read
 * as a straight line, +0.44 points a year (2018 3.24%, 2019 3.68%, 2020 4.12%, 2021 4.56%), 2.8% before 2017
 * and 5% after 2022.
 * <p>
 * Quorum: "주민총회(연 1회): 주민 누구나(1% 이상) 참석, 자치계획 등 결정" — the meeting decides only if its voters
 * reach 1% of the dong's residents, rounded up (25,000 residents need 250 voters, 25,001 need 251). Below it no
 * agenda item is adopted. The meeting is held once a year: a council opens at most one meeting vote per calendar
 * year in Seoul time.
 */
public final class MeetingRules {

    private static final BigDecimal START = new BigDecimal("0.028");
    private static final BigDecimal END = new BigDecimal("0.050");
    /** 1% of the dong's residents. */
    public static final BigDecimal QUORUM_SHARE = new BigDecimal("0.01");
    /** The meeting's year is the calendar year in Seoul. */
    public static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private MeetingRules() {
    }

    public static boolean adopted(int votes, int voters) {
        return voters > 0 && 2L * votes > voters;
    }

    public static BigDecimal turnoutTarget(int year) {
        int clamped = Math.max(2017, Math.min(2022, year));
        return START.add(END.subtract(START).multiply(BigDecimal.valueOf(clamped - 2017L))
                .divide(BigDecimal.valueOf(5), 6, RoundingMode.HALF_UP)).setScale(6, RoundingMode.HALF_UP);
    }

    public static int quorum(int residents) {
        return QUORUM_SHARE.multiply(BigDecimal.valueOf(residents)).setScale(0, RoundingMode.CEILING).intValueExact();
    }

    public static boolean quorate(int voters, int quorum) {
        return voters >= quorum;
    }

    public static int meetingYear(OffsetDateTime opensAt) {
        return opensAt.atZoneSameInstant(SEOUL).getYear();
    }

    public static BigDecimal turnout(int voters, int eligible) {
        return BigDecimal.valueOf(voters).divide(BigDecimal.valueOf(eligible), 6, RoundingMode.HALF_UP);
    }
}
