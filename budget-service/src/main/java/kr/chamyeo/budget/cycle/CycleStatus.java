package kr.chamyeo.budget.cycle;

/** Where a cycle stands; proposals and the first three review stages happen only while it is OPEN. */
public enum CycleStatus {
    /** 제안접수 and 심사 (stages 1–3). */
    OPEN,
    /** 총회: ballots requested from voting-service, waiting for them to close. */
    ASSEMBLY,
    /** Results computed: projects adopted, the cycle is closed to proposals and reviews; execution is reported. */
    DECIDED
}
