package kr.chamyeo.community.space;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.platform.district.DistrictCode;
import kr.chamyeo.platform.text.KoreanText;

public final class SpaceRequests {

    private SpaceRequests() {
    }

    @Schema(description = "Register a space (공간 등록), by an admin (관리자)")
    public record SpaceRequest(
            @NotNull @DistrictCode @Schema(example = "11545") String district,
            @NotBlank @Size(max = 50) @Schema(example = "독산1동") String dong,
            @NotBlank @Size(max = 200) @Schema(example = "독산 마을활력소") String name,
            @NotNull Space.Kind kind,
            @NotBlank @Size(max = 300) @Schema(example = "서울 금천구 독산로 1") String address,
            @NotNull @Positive @Max(10000) @Schema(example = "30") Integer capacity,
            @Size(max = 30) List<@NotBlank @Size(max = 100) String> facilities,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "09:00") LocalTime opensAt,
            @NotNull @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, example = "22:00") LocalTime closesAt,
            @Size(max = 2000) @Schema(example = "음식물 반입 금지") String rules) {
        /** The 동 as it is stored and compared: {@code 독산1동} however it was typed (NFD, spaces; issue 23). */
        public SpaceRequest {
            dong = KoreanText.dong(dong);
        }
    }

    @Schema(description = "Request a booking of the space (대관 신청)")
    public record BookingRequest(
            @NotNull @Schema(example = "2030-05-01T01:00:00Z") OffsetDateTime startsAt,
            @NotNull @Schema(example = "2030-05-01T03:00:00Z") OffsetDateTime endsAt,
            @NotBlank @Size(max = 300) @Schema(example = "이웃만들기 모임 정기회의") String purpose,
            @NotNull @Positive @Schema(example = "12") Integer attendees) {
    }

    @Schema(description = "Approve or reject (승인 또는 거절)")
    public record BookingDecision(@NotNull Decision decision, @Size(max = 500) String reason) {
    }

    @Schema(name = "BookingDecisionDecision")
    public enum Decision { APPROVED, REJECTED }
}
