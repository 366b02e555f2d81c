package kr.chamyeo.platform.district;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reference data shared by all services: Seoul's 25 자치구 and their standard 시군구 codes. Every district
 * code a client sends is checked against this list.
 */
public final class SeoulDistricts {

    public static final String SEOUL_CITY = "11000";

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        String[][] rows = {
            {"11110", "종로구"}, {"11140", "중구"}, {"11170", "용산구"}, {"11200", "성동구"}, {"11215", "광진구"},
            {"11230", "동대문구"}, {"11260", "중랑구"}, {"11290", "성북구"}, {"11305", "강북구"}, {"11320", "도봉구"},
            {"11350", "노원구"}, {"11380", "은평구"}, {"11410", "서대문구"}, {"11440", "마포구"}, {"11470", "양천구"},
            {"11500", "강서구"}, {"11530", "구로구"}, {"11545", "금천구"}, {"11560", "영등포구"}, {"11590", "동작구"},
            {"11620", "관악구"}, {"11650", "서초구"}, {"11680", "강남구"}, {"11710", "송파구"}, {"11740", "강동구"},
        };
        for (String[] row : rows) {
            NAMES.put(row[0], row[1]);
        }
    }

    private SeoulDistricts() {
    }

    public static boolean isDistrict(String code) {
        return code != null && NAMES.containsKey(code);
    }

    public static String name(String code) {
        return NAMES.get(code);
    }

    /** Code → Korean name, in the standard code order. */
    public static Map<String, String> all() {
        return java.util.Collections.unmodifiableMap(NAMES);
    }
}
