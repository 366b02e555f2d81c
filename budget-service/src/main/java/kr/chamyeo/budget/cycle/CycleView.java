package kr.chamyeo.budget.cycle;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import kr.chamyeo.budget.selection.SelectionRule;

@Schema(description = "A participatory-budget cycle")
public record CycleView(
        @Schema(example = "1") long id,
        @Schema(example = "11545") String district,
        @Schema(example = "2021") int fiscalYear,
        CycleKind kind,
        @Schema(example = "2021년 금천구 주민참여예산") String title,
        @Schema(example = "1000000000") long totalAmount,
        @Schema(example = "100000000") long ordinaryCap,
        @Schema(example = "20000000") long eventCap,
        @Schema(description = "Weight of the RESIDENTS electorate (0 if the cycle has none)", example = "50") int residentWeight,
        @Schema(description = "Weight of the COMMITTEE electorate (0 if the cycle has none)", example = "50") int committeeWeight,
        @Schema(description = "The 총회's electorates (투표 채널), in order") List<ElectorateView> electorates,
        SelectionRule rule,
        CycleRequest.Phases phases,
        CycleStatus status,
        @Schema(description = "Why voting-service refused the 총회 ballot request (BallotRejected), until the officer re-opens "
                + "the assembly; null otherwise", example = "RESIDENTS (budget:1:RESIDENTS): closesAt must be after opensAt")
        String assemblyRejection,
        List<SubcommitteeView> subcommittees) {

    @Schema(description = "An electorate (투표 채널) and its weight")
    public record ElectorateView(@Schema(example = "RESIDENTS") String code, @Schema(example = "주민 엠보팅") String name,
                                 @Schema(example = "50") int weight, @Schema(example = "RESIDENT") String requiredRole,
                                 @Schema(example = "19") Integer minAge, @Schema(example = "39") Integer maxAge) {
    }

    @Schema(description = "A subcommittee (분과) with its ceiling and 130% forwarding limit")
    public record SubcommitteeView(@Schema(example = "welfare") String code, @Schema(example = "복지환경분과") String name,
                                   @Schema(example = "250000000") long ceiling,
                                   @Schema(example = "325000000") long forwardLimit,
                                   @Schema(description = "Whether it has forwarded its projects (분과심의 완료)") boolean forwarded) {
    }

    public static CycleView of(Cycle c) {
        return new CycleView(c.id, c.district, c.fiscalYear, c.kind, c.title, c.totalAmount, c.ordinaryCap, c.eventCap,
                c.weightOf(Electorate.RESIDENTS), c.weightOf(Electorate.COMMITTEE),
                c.electorates.stream().map(e -> new ElectorateView(e.code, e.name, e.weight, e.requiredRole, e.minAge, e.maxAge)).toList(),
                c.rule,
                new CycleRequest.Phases(c.intakeFrom, c.intakeTo, c.reviewTo, c.assemblyFrom, c.assemblyTo), c.status,
                c.assemblyRejection,
                c.subcommittees.stream().map(s -> new SubcommitteeView(s.code, s.name, s.ceiling, s.forwardLimit(),
                        s.forwardedAt != null)).toList());
    }
}
