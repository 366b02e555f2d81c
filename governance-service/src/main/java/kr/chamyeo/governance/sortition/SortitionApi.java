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

    @Schema(description = "추첨 요청: 지원자 풀, 선발 인원, 예비 인원, 할당(최소·최대 또는 인구 비례)")
    public record CreateSortition(
            @NotBlank @DistrictCode @Schema(example = "11545") String district,
            @NotBlank @Size(max = 200) @Schema(example = "2021 금천구 공약이행 주민배심원") String title,
            @NotNull @Min(1) @Max(1000) @Schema(example = "35", description = "선발 인원 (배심원)") Integer panelSize,
            @NotNull @Min(0) @Max(100) @Schema(example = "5", description = "예비 인원") Integer reserves,
            @Schema(description = "한 가구(주소)에서 1명만", example = "false") Boolean onePerHousehold,
            @NotEmpty @Size(max = 3000) List<@Valid @NotNull VolunteerInput> pool,
            @Size(max = 200) List<@Valid @NotNull QuotaInput> quotas,
            @Size(max = 20) List<@Valid @NotNull ProportionalInput> proportionalQuotas,
            @Schema(description = "true(기본): 즉시 추첨하고 시드를 공개; false: 시드 해시만 공개하고 /draw 를 기다림 (공개 추첨식)")
            Boolean drawNow,
            @Size(max = 200) @Schema(description = "즉시 추첨(drawNow)에 섞을 공개값 (없으면 빈 문자열). 공개 추첨식을 하려면 drawNow=false 로 "
                    + "만들고 /draw 에서 공개값을 입력한다", example = "07-19-23-31-42-45")
            String publicValue,
            @Schema(description = "공정성 기준: LEXIMIN(기본, 가장 낮은 확률부터 차례로 최대화) 또는 MAXIMIN(가장 낮은 확률만 최대화)",
                    example = "LEXIMIN")
            LeximinSolver.Fairness fairness,
            @Valid @Schema(description = "주민배심원(seed 004)이면: 배심원 35명 + 예비 5명, 지원자 200–300명, 모두 임기 첫날 만 18세 이상"
                    + "(birthDate 필수), 운영기간 90일 이내(첫날·마지막 날 포함). 어기면 422 가 필드와 규칙을 밝힌다.")
            JuryInput citizensJury) {
    }

    @Schema(description = "주민배심원 운영기간")
    public record JuryInput(@NotNull @Schema(example = "2021-04-01") LocalDate termStart,
                            @NotNull @Schema(example = "2021-06-29", description = "termStart 부터 90일 이내") LocalDate termEnd) {
    }

    @Schema(description = "주민배심원 운영기간과 그 길이")
    public record JuryView(LocalDate termStart, LocalDate termEnd, @Schema(example = "90") long termDays,
                           @Schema(example = "90") int maxTermDays) {
    }

    @Schema(description = "지원자 (이름·연락처 없음)")
    public record VolunteerInput(
            @NotBlank @Size(max = 100) @Schema(example = "a-17") String id,
            @NotNull @Size(max = 20) @Schema(example = "{\"sex\":\"F\",\"ageBand\":\"30대\",\"area\":\"가선거구\"}")
            Map<@NotBlank @Size(max = 50) String, @NotBlank @Size(max = 100) String> features,
            // Sent back as null in a sortition's pool (SortitionView) when the volunteer has none; the schema is shared.
            @Size(max = 200) @Schema(nullable = true, description = "가구 식별자(불투명)", example = "hh-301") String household,
            // Needed only to check a juror's 만 18세; the age is checked on the way in and the date is never stored.
            @Past @JsonInclude(JsonInclude.Include.NON_NULL)
            @Schema(description = "생년월일: 주민배심원의 만 18세 확인에만 쓰고 저장하지 않는다", example = "1990-05-17")
            LocalDate birthDate) {
    }

    @Schema(description = "특성값별 최소·최대 인원")
    public record QuotaInput(@NotBlank @Size(max = 50) @Schema(example = "sex") String feature,
                             @NotBlank @Size(max = 100) @Schema(example = "F") String value,
                             @NotNull @Min(0) @Schema(example = "0") Integer min,
                             @NotNull @Min(0) @Schema(example = "21") Integer max) {
    }

    @Schema(description = "인구 비례 할당: 값별 인구 비율 → ⌊비율×인원⌋ … ⌈비율×인원⌉")
    public record ProportionalInput(@NotBlank @Size(max = 50) @Schema(example = "sex") String feature,
                                    @NotEmpty @Size(max = 100)
                                    @Schema(example = "{\"M\":0.51,\"F\":0.49}")
                                    Map<@NotBlank @Size(max = 100) String, @NotNull @DecimalMin("0") @DecimalMax("1") Double> shares) {
    }

    @Schema(description = "추첨 결과와 검증 자료")
    public record SortitionView(
            UUID id, String district, String title, String status,
            @Schema(description = "SHA-256(seed), 생성 시 공개") String seedCommitment,
            @Schema(description = "추첨 후 공개되는 시드 (16진수)") String seed,
            @Schema(description = "추첨식에서 정한 공개값 (추첨 후 공개). 추첨 시드 = hex(SHA-256(\"chamyeo-sortition:\" + seed + \":\" + publicValue))",
                    example = "07-19-23-31-42-45") String publicValue,
            @Schema(description = "나중에 추첨하는 추첨(drawNow=false)을 만든 응답에만: 서비스가 저장하지 않는 시드. 담당자가 봉인해 보관하고 "
                    + "/draw 에 가져온다 (SHA-256 이 seedCommitment)") String sealedSeed,
            int panelSize, int reserveCount, boolean onePerHousehold,
            @Schema(description = "공정성 기준", example = "LEXIMIN") LeximinSolver.Fairness fairness,
            @Schema(description = "적용된 할당 (인구 비례는 인원으로 환산)") List<Quota> quotas,
            List<VolunteerInput> pool,
            @Schema(description = "지원자별 선발 확률") Map<String, Double> selectionProbabilities,
            double minimumProbability,
            List<String> unselectable,
            List<String> selected, List<String> reserves,
            String correlationId, String councilId,
            @Schema(description = "주민배심원이면 운영기간") JuryView citizensJury,
            OffsetDateTime createdAt, OffsetDateTime drawnAt) {
    }

    @Schema(description = "공개 추첨식: 생성 때 받은 시드와 그 자리에서 정한 공개값 (예: 공개로 뽑은 번호)")
    public record DrawRequest(
            @Pattern(regexp = "[0-9a-fA-F]{64}") @Schema(description = "생성 응답의 sealedSeed (64 hex)") String seed,
            @NotBlank @Size(max = 200) @Schema(description = "추첨식에서 공개로 정한 값; 추첨 전에는 아무도 모른다", example = "07-19-23-31-42-45")
            String publicValue) {
    }

    @Schema(description = "공개된 시드로 다시 추첨한 결과와 저장된 결과의 비교")
    public record Verification(boolean commitmentMatches, boolean panelMatches, boolean reservesMatches,
                               List<String> recomputedSelected, List<String> recomputedReserves) {
    }

    @Schema(description = "패널 확률 분포 (LEXIMIN 공정성 LP의 해). 서로 바꿔도 할당이 같은 지원자끼리 유형(types)으로 묶고, "
            + "구성(compositions: 유형별 인원)을 확률(probabilities)대로 고른 뒤 유형 안에서 시드로 균등하게 뽑는다.")
    public record DistributionView(
            @Schema(description = "유형별 지원자 id") List<List<String>> types,
            @Schema(description = "구성별 유형당 인원") List<List<Integer>> compositions,
            List<Double> probabilities) {
    }

    /** What is stored as the sortition's inputs. */
    public record StoredInputs(List<VolunteerInput> pool, List<Quota> quotas, List<ProportionalInput> proportionalQuotas,
                               LeximinSolver.Fairness fairness) {
    }

    @Schema(description = "추첨 목록의 한 항목 (공개: 지원자·선발자 없음)")
    public record SortitionSummary(UUID id, @Schema(example = "11545") String district, String title,
                                   @Schema(example = "DRAWN") String status, int panelSize, int reserveCount,
                                   @Schema(description = "지원자 수 (실패한 추첨은 없음)") Integer poolSize,
                                   @Schema(description = "가장 낮은 선발 확률") Double minimumProbability,
                                   String seedCommitment, @Schema(description = "추첨 후 공개되는 시드") String seed,
                                   @Schema(description = "추첨 후 공개되는 공개값") String publicValue,
                                   OffsetDateTime createdAt, OffsetDateTime drawnAt) {
    }
}
