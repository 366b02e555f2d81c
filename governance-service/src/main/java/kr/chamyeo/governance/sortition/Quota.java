package kr.chamyeo.governance.sortition;

/** How many panel members must have {@code feature = value}: at least {@code min}, at most {@code max}. */
public record Quota(String feature, String value, int min, int max) {

    /** The bound as the shared event contract names it, e.g. {@code "sex=F max 18"}. */
    public String describe(Bound bound) {
        return feature + "=" + value + " " + (bound == Bound.MIN ? "min " + min : "max " + max);
    }

    public enum Bound { MIN, MAX }
}
