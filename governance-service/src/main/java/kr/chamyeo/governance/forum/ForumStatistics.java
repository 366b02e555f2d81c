package kr.chamyeo.governance.forum;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.governance.forum.DistrictTrack.Track;
import kr.chamyeo.platform.district.SeoulDistricts;

/**
 * Yearly forum figures as the city reports them (e.g. 2019: 16 districts, 54 forums, 347 participants), with the
 * tracks the districts took part by (2019: 16 deliberative + 7 supported = 23 districts with youth bodies).
 */
@Schema(description = "연도별 숙의·공론장 통계와 자치구 참여 유형")
public record ForumStatistics(@Schema(example = "2019") int year, @Schema(example = "16") int districts,
                              @Schema(example = "54") int forums, @Schema(example = "347") int participants,
                              List<PerDistrict> byDistrict, Tracks tracks) {

    @Schema(description = "자치구별 공론장 수와 참여자 수")
    public record PerDistrict(String district, String name, int forums, int participants,
                              @Schema(description = "참여 유형 (없으면 null)", nullable = true) Track track) {
    }

    @Schema(description = "자치구 참여 유형 (seed 000, 2019: 자치구 숙의형 16개, 거버넌스 활성화 지원사업 7개, 청년참여기구 23개 자치구)")
    public record Tracks(@Schema(description = "자치구 숙의형 자치구 수", example = "16") int deliberative,
                         @Schema(description = "거버넌스 활성화 지원사업 자치구 수", example = "7") int support,
                         @Schema(description = "청년참여기구를 구성한 자치구 수 (두 유형의 합)", example = "23") int youthBodies,
                         @Schema(description = "유형별 자치구 (코드순)") List<TrackDistrict> districts) {
    }

    @Schema(description = "자치구와 참여 유형")
    public record TrackDistrict(@Schema(example = "11305") String district, @Schema(example = "강북구") String name,
                                @Schema(example = "SUPPORT") Track track) {
    }

    public static ForumStatistics of(int year, List<Forum> forums, List<DistrictTrack> tracks) {
        Map<String, Track> trackOf = new TreeMap<>();
        for (DistrictTrack t : tracks) {
            trackOf.put(t.district, t.track);
        }
        Map<String, int[]> totals = new TreeMap<>();
        int participants = 0;
        for (Forum f : forums) {
            int[] t = totals.computeIfAbsent(f.district, d -> new int[2]);
            t[0]++;
            t[1] += f.participants;
            participants += f.participants;
        }
        List<PerDistrict> rows = totals.entrySet().stream().map(e -> new PerDistrict(e.getKey(), SeoulDistricts.name(e.getKey()),
                e.getValue()[0], e.getValue()[1], trackOf.get(e.getKey()))).toList();
        List<TrackDistrict> trackRows = trackOf.entrySet().stream()
                .map(e -> new TrackDistrict(e.getKey(), SeoulDistricts.name(e.getKey()), e.getValue())).toList();
        int deliberative = (int) trackRows.stream().filter(t -> t.track() == Track.DELIBERATIVE).count();
        return new ForumStatistics(year, totals.size(), forums.size(), participants, rows,
                new Tracks(deliberative, trackRows.size() - deliberative, trackRows.size(), trackRows));
    }
}
