package kr.chamyeo.community.grant;

import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.problem.ProblemException;

/**
 * Grant ranges of the city departments' village programmes (seed 002, 마을공동체 지원사업 연계·협력, 실·본부·국 사업 현황):
 * 부모커뮤니티 모임별 2백만원 이내, 공동육아 3.5–10백만원, 마을예술창작소 35–55백만원 (5년 지원), 마을미디어 2–13백만원
 * (거점형 40백만원), 공동주택 공동체 활성화 1–8백만원, 에너지자립마을 8–30백만원. A programme of one of these kinds may
 * grant a group at most the range's top (its grantAmount must lie in the range) and a group asks for an amount
 * within the programme's range. 이웃만들기 and 동아리 have no seed range: their programmes set the amount.
 */
public final class GrantLimits {

    private static final long MILLION = 1_000_000L;

    @Schema(description = "A grant range per group in won (지원 범위)")
    public record Range(long min, long max) {
    }

    private static final Map<ResidentGroup.Kind, Range> SEED = Map.of(
            ResidentGroup.Kind.PARENT_COMMUNITY, new Range(1, 2 * MILLION),
            ResidentGroup.Kind.CO_PARENTING, new Range(3_500_000, 10 * MILLION),
            ResidentGroup.Kind.ART_STUDIO, new Range(35 * MILLION, 55 * MILLION),
            ResidentGroup.Kind.VILLAGE_MEDIA, new Range(2 * MILLION, 13 * MILLION),
            ResidentGroup.Kind.VILLAGE_MEDIA_HUB, new Range(40 * MILLION, 40 * MILLION),
            ResidentGroup.Kind.APARTMENT, new Range(MILLION, 8 * MILLION),
            ResidentGroup.Kind.ENERGY_VILLAGE, new Range(8 * MILLION, 30 * MILLION));

    private GrantLimits() {
    }

    public static Optional<Range> of(ResidentGroup.Kind kind) {
        return Optional.ofNullable(SEED.get(kind));
    }

    /** The range a new programme of the kind grants within: the seed's, topped by the programme's own grant per group. */
    public static Range forProgramme(ResidentGroup.Kind kind, long grantAmount) {
        Range seed = SEED.get(kind);
        if (seed == null) {
            return new Range(1, grantAmount);
        }
        if (grantAmount < seed.min() || grantAmount > seed.max()) {
            throw ProblemException.unprocessable("grantAmount", "a " + kind + " programme grants " + seed.min() + "–" + seed.max()
                    + "원 per group (seed 002); " + grantAmount + "원 lies outside").with("min", seed.min()).with("max", seed.max());
        }
        return new Range(seed.min(), grantAmount);
    }

    public static void checkRequest(Range range, long requested) {
        if (requested < range.min() || requested > range.max()) {
            throw ProblemException.unprocessable("requestedAmount", "must lie within the programme's grant range " + range.min() + "–"
                    + range.max() + "원").with("min", range.min()).with("max", range.max());
        }
    }
}
