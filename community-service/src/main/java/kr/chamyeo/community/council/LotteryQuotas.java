package kr.chamyeo.community.council;

import java.util.List;

/**
 * Turns the seed's selection rule (공개모집, 추첨방식 선정: 특정 성 60% 이하, 40대 이하 15% 이상) into seat counts for
 * the sortition: no sex holds more than ⌊60% × seats⌋ seats, at least ⌈15% × seats⌉ go to people aged 40 or
 * under. "40대 이하" is read, as the brief does, as aged 40 or under (age = current year − birth year).
 */
public final class LotteryQuotas {

    public record Quota(String feature, String value, int min, int max) {
    }

    private LotteryQuotas() {
    }

    public static int maxPerSex(int seats) {
        return seats * 60 / 100;
    }

    public static int minAged40OrUnder(int seats) {
        return (seats * 15 + 99) / 100;
    }

    public static List<Quota> forSeats(int seats) {
        int sexMax = maxPerSex(seats);
        return List.of(new Quota("sex", "F", 0, sexMax), new Quota("sex", "M", 0, sexMax),
                new Quota("age40OrUnder", "true", minAged40OrUnder(seats), seats));
    }

    public static boolean aged40OrUnder(int birthYear, int currentYear) {
        return currentYear - birthYear <= 40;
    }
}
