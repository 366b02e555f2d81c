package kr.chamyeo.community.tax;

/**
 * Returning the resident tax to the dongs (주민세 개인균등 징수분 지역 환원): a year's collections are budgeted the
 * next year (다음연도 세출예산 편성) and shared equally among the district's dongs, each dong's share rounded down
 * to the won; the remainder stays with the district. The seed's "동 배분" column is exactly this division in
 * 백만원, rounded down (e.g. 종로 249 ÷ 17 = 14.6 → 14).
 */
public final class TaxReturn {

    public record Allocation(long perDong, long remainder) {
    }

    private TaxReturn() {
    }

    public static Allocation perDong(long collected, int dongs) {
        if (dongs <= 0) {
            throw new IllegalArgumentException("dongs must be positive");
        }
        return new Allocation(collected / dongs, collected % dongs);
    }
}
