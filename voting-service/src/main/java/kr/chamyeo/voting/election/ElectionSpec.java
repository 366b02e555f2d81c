package kr.chamyeo.voting.election;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.district.DistrictCode;

@Schema(description = "An election panel (선거관리 패널 구성): its trustees and threshold")
public record ElectionSpec(
        @Schema(example = "2026 금천구 주민투표 개표 관리") @NotBlank @Size(max = 300) String title,
        @Schema(description = "District code (자치구 코드); when absent, all of Seoul "
                + "(없으면 서울시 전체: city-wide, CITY_ADMIN only)", example = "11545") @DistrictCode String ownerDistrict,
        @Schema(description = "Number of trustees k needed to decrypt (복호에 필요한 관리인 수), default 3", example = "3") @Min(1) @Max(20) Integer threshold,
        @Schema(description = "The n trustees (관리인 n명), e.g. the district office (구청), the residents' autonomy council "
                + "(주민자치회), a civic group (시민단체), the city (서울시), the election commission (선거관리위원회)") @NotNull @Size(min = 1, max = 20)
        List<@NotNull @Valid Seat> trustees) {

    @Schema(description = "관리인 (trustee): who they are, and the token subject that acts for the seat")
    public record Seat(@Schema(example = "금천구 선거관리위원회") @NotBlank @Size(max = 200) String name,
                       @Schema(example = "trustee-nec-11545") @NotBlank @Size(max = 200) String subject) {
    }

    public int thresholdOrDefault() {
        return threshold == null ? Math.min(3, trustees.size()) : threshold;
    }
}
