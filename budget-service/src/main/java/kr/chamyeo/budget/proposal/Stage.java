package kr.chamyeo.budget.proposal;

/** Where a proposal is in the four review stages (사업심사) and the assembly. */
public enum Stage {
    /** Waiting for 1차 부서검토 (again, after a return for supplement). */
    SUBMITTED,
    /** Accepted by the department with a refined cost; waiting for 2차 사전검토. */
    DEPARTMENT_REVIEWED,
    /** Rejected by the department (부서검토 부적합): final. */
    REJECTED,
    /** Passed 사전검토; waiting for 3차 분과심의. */
    PRE_REVIEWED,
    /** Forwarded by its subcommittee to the 총회. */
    FORWARDED,
    /** Not forwarded by its subcommittee: final. */
    NOT_FORWARDED,
    /** Adopted at the 총회 (편성). */
    ADOPTED,
    /** Voted on but not adopted. */
    NOT_ADOPTED
}
