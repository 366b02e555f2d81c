package kr.chamyeo.budget.assembly;

/**
 * Fired (CDI, synchronously, in the event handler's transaction) after an assembly ballot of a cycle was opened,
 * refused, filled or closed: the results feature decides whether the cycle is complete. A CDI event rather than a
 * call so that the results, which read the assembly's ballots, are not also called by them (no package cycle).
 */
public record AssemblyBallotChanged(long cycleId) {
}
