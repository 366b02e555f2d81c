package kr.chamyeo.governance.committee;

/**
 * The city's target of at least 15% young members (청년위원 15%) on each committee. "Young" follows the
 * Seoul youth ordinance: aged 19 to 39 in the reference year. {@code needed} is how many more young members
 * the committee must seat, counted as members replaced when terms end (the committee keeps its size):
 * ⌈0.15 · members⌉ − young.
 */
public final class YouthShare {

    public static final double TARGET = 0.15;
    public static final int MIN_AGE = 19;
    public static final int MAX_AGE = 39;

    private YouthShare() {
    }

    public static boolean isYoung(int birthYear, int year) {
        int age = year - birthYear;
        return age >= MIN_AGE && age <= MAX_AGE;
    }

    public static int needed(int members, int young) {
        // Exact integer form of ceil(0.15 * members): avoids 0.15 * 20 = 3.0000000000000004.
        int required = (members * 15 + 99) / 100;
        return Math.max(0, required - young);
    }
}
