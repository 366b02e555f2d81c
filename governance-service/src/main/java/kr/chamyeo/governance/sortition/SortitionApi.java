package kr.chamyeo.governance.sortition;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import kr.chamyeo.platform.district.DistrictCode;

/** Request and response shapes of the sortition API (추첨·시민배심원 선발). */
public final class SortitionApi {

    private SortitionApi() {
    }

    @Schema(description = "Sortition request (추첨 요청): volunteer pool (지원자 풀), panel size (선발 인원), reserves (예비 인원), quotas (할당: min/max or population-proportional, 최소·최대 또는 인구 비례)")
    public record CreateSortition(
            @NotBlank @DistrictCode @Schema(example = "11545") String district,
            @NotBlank @Size(max = 200) @Schema(example = "2021 금천구 공약이행 주민배심원") String title,
            @NotNull @Min(1) @Max(1000) @Schema(example = "35", description = "Panel size (선발 인원, jurors 배심원)") Integer panelSize,
            @NotNull @Min(0) @Max(100) @Schema(example = "5", description = "Number of reserves (예비 인원)") Integer reserves,
            @Schema(description = "At most one person per household (한 가구(주소)에서 1명만)", example = "false") Boolean onePerHousehold,
            @NotEmpty @Size(max = 3000) List<@Valid @NotNull VolunteerInput> pool,
            @Size(max = 200) List<@Valid @NotNull QuotaInput> quotas,
            @Size(max = 20) List<@Valid @NotNull ProportionalInput> proportionalQuotas,
            @Schema(description = "true (default, 기본): draw at once and publish the seed; false: publish only the seed hash and wait for /draw (public ceremony, 공개 추첨식)")
            Boolean drawNow,
            @Size(max = 200) @Schema(description = "Public value (공개값) mixed into an immediate draw (drawNow); empty string if none. For a public ceremony (공개 추첨식) create with drawNow=false "
                    + "and enter the public value at /draw", example = "07-19-23-31-42-45")
            String publicValue,
            @Schema(description = "Fairness criterion (공정성 기준): LEXIMIN (default; maximise the lowest probability first, then the next in turn) or MAXIMIN (maximise only the lowest probability)",
                    example = "LEXIMIN")
            LeximinSolver.Fairness fairness,
            @Valid @Schema(description = "For a citizens' jury (주민배심원, seed 004): 35 jurors + 5 reserves (배심원 35명 + 예비 5명), 200–300 volunteers (지원자 200–300명), all aged 18 or over (만 18세 이상) on the first day of the term "
                    + "(birthDate required), a running period (운영기간) of at most 90 days (first and last day included). A breach gets 422 naming the field and the rule.")
            JuryInput citizensJury) {
    }

    @Schema(description = "Running period of the citizens' jury (주민배심원 운영기간)")
    public record JuryInput(@NotNull @Schema(example = "2021-04-01") LocalDate termStart,
                            @NotNull @Schema(example = "2021-06-29", description = "Within 90 days from termStart (90일 이내)") LocalDate termEnd) {
    }

    @Schema(description = "Running period of the citizens' jury and its length (주민배심원 운영기간과 그 길이)")
    public record JuryView(LocalDate termStart, LocalDate termEnd, @Schema(example = "90") long termDays,
                           @Schema(example = "90") int maxTermDays) {
    }

    @Schema(description = "Volunteer (지원자), without name or contact")
    public record VolunteerInput(
            @NotBlank @Size(max = 100) @Schema(example = "a-17") String id,
            @NotNull @Size(max = 20) @Schema(example = "{\"sex\":\"F\",\"ageBand\":\"30대\",\"area\":\"가선거구\"}")
            Map<@NotBlank @Size(max = 50) String, @NotBlank @Size(max = 100) String> features,
            // Sent back as null in a sortition's pool (SortitionView) when the volunteer has none; the schema is shared.
            @Size(max = 200) @Schema(nullable = true, description = "Household identifier (가구 식별자), opaque", example = "hh-301") String household,
            // Needed only to check a juror's 만 18세; the age is checked on the way in and the date is never stored.
            @Past @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "Date of birth (생년월일): used only to check a citizens' juror is 18 or over (만 18세), never stored", example = "1990-05-17")
            LocalDate birthDate) {
    }

    @Schema(description = "Minimum and maximum number of people per feature value (특성값별 최소·최대 인원)")
    public record QuotaInput(@NotBlank @Size(max = 50) @Schema(example = "sex") String feature,
                             @NotBlank @Size(max = 100) @Schema(example = "F") String value,
                             @NotNull @Min(0) @Schema(example = "0") Integer min,
                             @NotNull @Min(0) @Schema(example = "21") Integer max) {
    }

    @Schema(description = "Population-proportional quota (인구 비례 할당): population share per value → ⌊share×size⌋ … ⌈share×size⌉")
    public record ProportionalInput(@NotBlank @Size(max = 50) @Schema(example = "sex") String feature,
                                    @NotEmpty @Size(max = 100)
                                    @Schema(example = "{\"M\":0.51,\"F\":0.49}")
                                    Map<@NotBlank @Size(max = 100) String, @NotNull @DecimalMin("0") @DecimalMax("1") Double> shares) {
    }

    @Schema(description = "Sortition result and verification data (추첨 결과와 검증 자료)")
    public record SortitionView(
            UUID id, String district, String title, String status,
            @Schema(description = "SHA-256(seed), published at creation (생성 시 공개)") String seedCommitment,
            @Schema(description = "Seed published after the draw (추첨 후 공개되는 시드), hexadecimal") String seed,
            @Schema(description = "Public value fixed at the ceremony (추첨식에서 정한 공개값), published after the draw. Draw seed = hex(SHA-256(\"chamyeo-sortition:\" + seed + \":\" + publicValue))",
                    example = "07-19-23-31-42-45") String publicValue,
            @Schema(description = "Only in the answer that creates a later draw (drawNow=false): the seed the service does not store. The officer (담당자) keeps it sealed (봉인) and "
                    + "brings it to /draw (its SHA-256 is seedCommitment)") String sealedSeed,
            int panelSize, int reserveCount, boolean onePerHousehold,
            @Schema(description = "Fairness criterion (공정성 기준)", example = "LEXIMIN") LeximinSolver.Fairness fairness,
            @Schema(description = "Quotas applied (적용된 할당); population-proportional ones converted to numbers of people") List<Quota> quotas,
            List<VolunteerInput> pool,
            @Schema(description = "Selection probability per volunteer (지원자별 선발 확률)") Map<String, Double> selectionProbabilities,
            double minimumProbability,
            List<String> unselectable,
            List<String> selected, List<String> reserves,
            String correlationId, String councilId,
            @Schema(description = "Running period (운영기간), for a citizens' jury (주민배심원)") JuryView citizensJury,
            OffsetDateTime createdAt, OffsetDateTime drawnAt) {
    }

    @Schema(description = "Public ceremony (공개 추첨식): the seed received at creation and the public value fixed on the spot (e.g. numbers drawn in public)")
    public record DrawRequest(
            @Pattern(regexp = "[0-9a-fA-F]{64}") @Schema(description = "The creation answer's sealedSeed (64 hex)") String seed,
            @NotBlank @Size(max = 200) @Schema(description = "Value fixed in public at the ceremony (추첨식 공개값); nobody knows it before the draw", example = "07-19-23-31-42-45")
            String publicValue) {
    }

    @Schema(description = "Comparison of a redraw from the revealed seed (공개된 시드) with the stored result")
    public record Verification(boolean commitmentMatches, boolean panelMatches, boolean reservesMatches,
                               List<String> recomputedSelected, List<String> recomputedReserves) {
    }

    @Schema(description = "Panel probability distribution (패널 확률 분포), the solution of the LEXIMIN fairness LP. Volunteers interchangeable under the quotas are grouped into types (유형, types); "
            + "a composition (구성, compositions: people per type) is picked by the probabilities, then people are drawn uniformly within each type with the seed.")
    public record DistributionView(
            @Schema(description = "Volunteer ids per type (유형별 지원자 id)") List<List<String>> types,
            @Schema(description = "People per type for each composition (구성별 유형당 인원)") List<List<Integer>> compositions,
            List<Double> probabilities) {
    }

    /** What is stored as the sortition's inputs. */
    public record StoredInputs(List<VolunteerInput> pool, List<Quota> quotas, List<ProportionalInput> proportionalQuotas,
                               LeximinSolver.Fairness fairness) {
    }

    @Schema(description = "One entry of the sortition list (추첨 목록); public, without volunteers or the selected")
    public record SortitionSummary(UUID id, @Schema(example = "11545") String district, String title,
                                   @Schema(example = "DRAWN") String status, int panelSize, int reserveCount,
                                   @Schema(description = "Number of volunteers (지원자 수); none for a failed sortition") Integer poolSize,
                                   @Schema(description = "Lowest selection probability (가장 낮은 선발 확률)") Double minimumProbability,
                                   String seedCommitment, @Schema(description = "Seed published after the draw (추첨 후 공개되는 시드)") String seed,
                                   @Schema(description = "Public value published after the draw (추첨 후 공개되는 공개값)") String publicValue,
                                   OffsetDateTime createdAt, OffsetDateTime drawnAt) {
    }
}
