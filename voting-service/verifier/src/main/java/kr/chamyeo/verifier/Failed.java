package kr.chamyeo.verifier;

/** Ends a check at its first failing item; {@code item} becomes {@link Check#failure()}. */
final class Failed extends RuntimeException {

    final String item;

    Failed(String item, String detail) {
        super(detail, null, false, false);
        this.item = item;
    }

    /** Fails unless the condition holds. */
    static void unless(boolean condition, String item, String detail) {
        if (!condition) {
            throw new Failed(item, detail);
        }
    }
}
