package kr.chamyeo.budget.cycle;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.budget.selection.SelectionRule;

@Schema(description = "A new participatory-budget cycle (주민참여예산 편성 주기)")
public record CycleRequest(
        @Schema(description = "시군구 code of the owning district, or 11000 (Seoul) for a city-level YOUTH cycle (청년자율예산제, "
                + "CITY_ADMIN only)", example = "11545") @NotNull @CycleOwner String district,
        @Schema(description = "Budget year (편성 연도)", example = "2021") @NotNull @Min(2000) @Max(2100) Integer fiscalYear,
        @Schema(example = "RESIDENT") @NotNull CycleKind kind,
        @Schema(example = "2021년 금천구 주민참여예산") @NotBlank @Size(max = 200) String title,
        @Schema(description = "Total in won (규모)", example = "1000000000") @NotNull @Positive Long totalAmount,
        @Schema(description = "Cap of an ordinary project (일반사업 상한)", example = "100000000") @NotNull @Positive Long ordinaryCap,
        @Schema(description = "Cap of an event-type project (행사성 사업 상한)", example = "20000000") @NotNull @Positive Long eventCap,
        @Schema(description = "Subcommittees (분과) and their ceilings (실링액)") @NotEmpty @Size(max = 30) List<@Valid @NotNull SubcommitteeRequest> subcommittees,
        @Schema(description = "Residents' weight in percent (주민 엠보팅 비중), default 50; absent when electorates are listed",
                example = "50") @Min(0) @Max(100) Integer residentWeight,
        @Schema(description = "Committee's weight in percent (위원 투표 비중), default 50; absent when electorates are listed",
                example = "50") @Min(0) @Max(100) Integer committeeWeight,
        @Schema(description = "Any number (1–10) of weighted electorates (투표 채널), each its own ballot at voting-service, "
                + "weights summing to 100 — e.g. Seoul 2018: e-vote 50, committee 40, budget school 10. Absent or empty: the "
                + "two of residentWeight / committeeWeight (RESIDENTS, COMMITTEE)")
        @Size(max = 10) List<@Valid @NotNull ElectorateRequest> electorates,
        @Schema(description = "Selection rule, default RANKED_GREEDY; EQUAL_SHARES (add1 completion), EQUAL_SHARES_ADD1U "
                + "(then greedy) or SEQUENTIAL_PHRAGMEN (see budget-service/README.md)", example = "RANKED_GREEDY") SelectionRule rule,
        @Schema(description = "Phase dates (일정)") @NotNull @Valid Phases phases) {

    @Schema(description = "An electorate (투표 채널): its ballot's voters are those voting-service admits with the role and ages")
    public record ElectorateRequest(
            @Schema(description = "Code, also in the ballot's correlation id budget:<cycleId>:<code>", example = "EVOTE")
            @NotNull @Pattern(regexp = "[A-Z][A-Z0-9_]{0,19}") String code,
            @Schema(description = "Name shown to voters and in results", example = "시민 전자투표") @NotBlank @Size(max = 100) String name,
            @Schema(description = "Weight in percent", example = "50") @NotNull @Min(0) @Max(100) Integer weight,
            @Schema(description = "RESIDENT (default: residents of the district) or COMMITTEE (its committee members)",
                    example = "RESIDENT") String requiredRole,
            @Schema(description = "Youngest voter (age = year − birth year)", example = "19") @Min(0) @Max(150) Integer minAge,
            @Schema(description = "Oldest voter", example = "39") @Min(0) @Max(150) Integer maxAge) {
    }

    @Schema(description = "A subcommittee (분과)")
    public record SubcommitteeRequest(
            @Schema(example = "welfare") @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String code,
            @Schema(example = "복지환경분과") @NotBlank @Size(max = 100) String name,
            @Schema(description = "Ceiling in won (실링액)", example = "250000000") @NotNull @Positive Long ceiling) {
    }

    @Schema(description = "Phase dates: intake (제안접수), review (사업심사), assembly (총회)")
    public record Phases(
            @Schema(example = "2021-03-01") @NotNull LocalDate intakeFrom,
            @Schema(example = "2021-04-30") @NotNull LocalDate intakeTo,
            @Schema(example = "2021-05-31") @NotNull LocalDate reviewTo,
            @Schema(example = "2021-06-01") @NotNull LocalDate assemblyFrom,
            @Schema(example = "2021-06-10") @NotNull LocalDate assemblyTo) {
    }
}
