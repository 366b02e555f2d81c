package kr.chamyeo.community.council;

import java.util.List;

/**
 * Turns the seed's selection rule (공개모집, 추첨방식 선정: 특정 성 60% 이하, 40대 이하 15% 이상) into seat counts for
 * the sortition: no sex holds more than ⌊60% × seats⌋ seats, at least ⌈15% × seats⌉ go to people in their forties or
 * younger. "40대 이하" names an age band (40대 = 40–49), so "or younger" reaches up to 49: a 45-year-old counts, a
 * 50-year-old does not. Age is the lottery year − birth year, because tokens carry only the birth year.
 */
public final class LotteryQuotas {

    /** The pool feature the quota is written against; governance-service matches features by name only. */
    public static final String FORTIES_OR_YOUNGER = "fortiesOrYounger";

    /** The first age outside "40대 이하": the fifties band begins here. */
    static final int FIFTIES = 50;

    public record Quota(String feature, String value, int min, int max) {
    }

    private LotteryQuotas() {
    }

    public static int maxPerSex(int seats) {
        return seats * 60 / 100;
    }

    public static int minFortiesOrYounger(int seats) {
        return (seats * 15 + 99) / 100;
    }

    public static List<Quota> forSeats(int seats) {
        int sexMax = maxPerSex(seats);
        return List.of(new Quota("sex", "F", 0, sexMax), new Quota("sex", "M", 0, sexMax),
                new Quota(FORTIES_OR_YOUNGER, "true", minFortiesOrYounger(seats), seats));
    }

    public static boolean fortiesOrYounger(int birthYear, int lotteryYear) {
        return lotteryYear - birthYear < FIFTIES;
    }
}
