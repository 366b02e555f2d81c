package kr.chamyeo.verifier;

/**
 * One named check of the record and its outcome.
 *
 * @param part    the part of the record checked: {@code record}, {@code ceremony}, {@code board}, {@code mixes},
 *                {@code mix round 2}, {@code decryption}, {@code plaintexts}, {@code result}
 * @param what    what was checked, in words
 * @param count   how many items the check covers (trustees, entries, ballots, shares …)
 * @param failure null when the check passed; else the first failing item, e.g. {@code entry 17 chain}: stable
 *                words a test or a script may match
 * @param detail  null, or why that item failed, in words that may change
 * @param millis  how long the check took (wall clock)
 */
public record Check(String part, String what, long count, String failure, String detail, long millis) {

    public boolean passed() {
        return failure == null;
    }

    /** {@code "<part>: <failure>"}, e.g. {@code board: entry 17 chain}; null when passed. */
    public String failureName() {
        return failure == null ? null : part + ": " + failure;
    }

    /** One line for the command's output. */
    public String line() {
        String head = String.format("%s %s: %s [%d, %.1f s]", passed() ? "PASS" : "FAIL", part, what, count, millis / 1000.0);
        return passed() ? head : head + " — " + failure + (detail == null ? "" : " (" + detail + ")");
    }
}
