package kr.chamyeo.budget.selection;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.commons.numbers.fraction.BigFraction;

/** Renders exact fractions for people (6 decimals) and for machines ("n/d", lossless). */
public final class Fractions {

    private Fractions() {
    }

    public static String exact(BigFraction f) {
        return f.getDenominator().equals(java.math.BigInteger.ONE) ? f.getNumerator().toString()
                : f.getNumerator() + "/" + f.getDenominator();
    }

    public static BigDecimal decimal(BigFraction f) {
        return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), 6, RoundingMode.HALF_EVEN);
    }

    public static BigDecimal decimal(String exact) {
        int slash = exact.indexOf('/');
        return slash < 0 ? new BigDecimal(exact).setScale(6)
                : new BigDecimal(exact.substring(0, slash)).divide(new BigDecimal(exact.substring(slash + 1)), 6, RoundingMode.HALF_EVEN);
    }
}
