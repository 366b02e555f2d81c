package kr.chamyeo.budget.cycle;

/** 주민참여예산 (RESIDENT) or 청년자율예산 (YOUTH). */
public enum CycleKind {
    RESIDENT, YOUTH
}
