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
@Schema(description = "Deliberative forum statistics by year (연도별 숙의·공론장 통계) and district participation tracks (자치구 참여 유형)")
public record ForumStatistics(@Schema(example = "2019") int year, @Schema(example = "16") int districts,
                              @Schema(example = "54") int forums, @Schema(example = "347") int participants,
                              List<PerDistrict> byDistrict, Tracks tracks) {

    @Schema(description = "Number of forums and participants per district (자치구별 공론장 수와 참여자 수)")
    public record PerDistrict(String district, String name, int forums, int participants,
                              @Schema(description = "Participation track (참여 유형); null if none", nullable = true) Track track) {
    }

    @Schema(description = "District participation tracks (자치구 참여 유형) (seed 000, 2019: 16 district deliberative (자치구 숙의형), 7 governance activation support programme (거버넌스 활성화 지원사업), 23 districts with a youth participation body (청년참여기구))")
    public record Tracks(@Schema(description = "Number of districts on the district deliberative track (자치구 숙의형)", example = "16") int deliberative,
                         @Schema(description = "Number of districts in the governance activation support programme (거버넌스 활성화 지원사업)", example = "7") int support,
                         @Schema(description = "Number of districts that formed a youth participation body (청년참여기구); the sum of the two tracks", example = "23") int youthBodies,
                         @Schema(description = "Districts by track (유형별 자치구), in code order") List<TrackDistrict> districts) {
    }

    @Schema(description = "District and its participation track (자치구와 참여 유형)")
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
