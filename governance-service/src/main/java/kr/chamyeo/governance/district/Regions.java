package kr.chamyeo.governance.district;

import java.util.LinkedHashMap;
import java.util.Map;

import kr.chamyeo.platform.district.SeoulDistricts;

/**
 * Seoul's five living zones (5대 생활권, the 권역 by which the city groups districts and, in seed 000,
 * governance cooperation officers): 도심권, 동북권, 서북권, 서남권, 동남권, as in the 2030 Seoul Plan.
 */
public final class Regions {

    private static final Map<String, String> REGION = new LinkedHashMap<>();

    static {
        put("도심권", "11110", "11140", "11170");
        put("동북권", "11200", "11215", "11230", "11260", "11290", "11305", "11320", "11350");
        put("서북권", "11380", "11410", "11440");
        put("서남권", "11470", "11500", "11530", "11545", "11560", "11590", "11620");
        put("동남권", "11650", "11680", "11710", "11740");
    }

    private Regions() {
    }

    private static void put(String region, String... codes) {
        for (String code : codes) {
            REGION.put(code, region);
        }
    }

    public static String of(String districtCode) {
        return REGION.get(districtCode);
    }

    /** The district code of a Korean district name (e.g. "금천구" or "금천"), or null. */
    public static String codeOf(String name) {
        for (Map.Entry<String, String> e : SeoulDistricts.all().entrySet()) {
            if (e.getValue().equals(name) || e.getValue().equals(name + "구")) {
                return e.getKey();
            }
        }
        return null;
    }
}
