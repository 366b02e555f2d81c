package kr.chamyeo.governance.forum;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.district.SeoulDistricts;

/** Yearly forum figures as the city reports them (e.g. 2019: 16 districts, 54 forums, 347 participants). */
@Schema(description = "연도별 숙의·공론장 통계")
public record ForumStatistics(@Schema(example = "2019") int year, @Schema(example = "16") int districts,
                              @Schema(example = "54") int forums, @Schema(example = "347") int participants,
                              List<PerDistrict> byDistrict) {

    @Schema(description = "자치구별 공론장 수와 참여자 수")
    public record PerDistrict(String district, String name, int forums, int participants) {
    }

    public static ForumStatistics of(int year, List<Forum> forums) {
        Map<String, int[]> totals = new TreeMap<>();
        int participants = 0;
        for (Forum f : forums) {
            int[] t = totals.computeIfAbsent(f.district, d -> new int[2]);
            t[0]++;
            t[1] += f.participants;
            participants += f.participants;
        }
        List<PerDistrict> rows = totals.entrySet().stream()
                .map(e -> new PerDistrict(e.getKey(), SeoulDistricts.name(e.getKey()), e.getValue()[0], e.getValue()[1])).toList();
        return new ForumStatistics(year, totals.size(), forums.size(), participants, rows);
    }
}
