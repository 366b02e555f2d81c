package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.WNafUtil;

/**
 * Σ k_i·P_i by interleaved window-NAF (Straus' method with Möller's signed windows, "Algorithms for
 * multi-exponentiation", SAC 2001, §3.2 and §5) — the algorithm of BouncyCastle's
 * {@code ECAlgorithms.sumOfMultiplies}, written over BouncyCastle's own point operations and NAF recoding, with one
 * difference that matters for a ballot's hundred short multiplications: BouncyCastle builds and normalises each point's
 * table of odd multiples on its own (one field inversion per point, a third of a ballot's verification), while here
 * the doubled points, then all tables, are normalised together by Montgomery's trick ({@code ECCurve.normalizeAll}):
 * two inversions per call. No table is cached on the caller's points, so ciphertexts leave no 3 KB tables behind.
 */
public final class MultiScalar {

    private MultiScalar() {
    }

    /** From this many terms on, Pippenger's buckets cost less than Straus' tables (measured with ProofBench). */
    static final int BUCKETS_FROM = 256;

    /** Scalars up to this length (the batch test's weights) are summed apart from the long ones. */
    private static final int SHORT_BITS = 128;

    /** Σ scalars[i]·points[i] (not normalised); scalars are taken mod q, terms with O or 0 are skipped. */
    public static ECPoint sum(ECPoint[] points, BigInteger[] scalars) {
        if (points.length != scalars.length) {
            throw new IllegalArgumentException(points.length + " points but " + scalars.length + " scalars");
        }
        if (points.length < BUCKETS_FROM) {
            return interleaved(points, scalars);
        }
        // A batch's 64-bit weights and its full-length scalars apart: each part gets the window that suits its own
        // length and count, where one window for all made the few long terms pay for buckets sized to the many short ones.
        BigInteger[] reduced = new BigInteger[scalars.length];
        int shortTerms = 0;
        for (int i = 0; i < scalars.length; i++) {
            reduced[i] = scalars[i].mod(Group.order());
            if (reduced[i].bitLength() <= SHORT_BITS) {
                shortTerms++;
            }
        }
        ECPoint[][] parts = {new ECPoint[shortTerms], new ECPoint[points.length - shortTerms]};
        BigInteger[][] partScalars = {new BigInteger[shortTerms], new BigInteger[points.length - shortTerms]};
        int[] filled = new int[2];
        for (int i = 0; i < points.length; i++) {
            int part = reduced[i].bitLength() <= SHORT_BITS ? 0 : 1;
            parts[part][filled[part]] = points[i];
            partScalars[part][filled[part]++] = reduced[i];
        }
        ECPoint sum = Group.infinity();
        for (int part = 0; part < 2; part++) {
            sum = sum.add(parts[part].length >= BUCKETS_FROM ? buckets(parts[part], partScalars[part])
                    : interleaved(parts[part], partScalars[part]));
        }
        return sum;
    }

    /**
     * Pippenger's bucket method with signed digits (Bernstein, Doumen, Lange, Oosterwijk, "Faster batch forgery
     * identification", INDOCRYPT 2012, §4): per window of c bits every term adds its point once into the bucket of its
     * digit, and the buckets are summed by running sums, so a term costs about one addition per window instead of a table
     * and one per (w+1) bits. A short scalar (a 64-bit weight) takes part only in the low windows. Points should be
     * normalised (affine), as parsed points are, so that every bucket addition is a mixed one.
     * <p>
     * The windows are independent until the doublings join them, so they are summed in parallel (on the fork-join pool
     * the caller runs in): one large sum on all cores costs less than a smaller sum on each, because the buckets' running
     * sums, a window's fixed cost, are shared by more terms.
     */
    static ECPoint buckets(ECPoint[] points, BigInteger[] scalars) {
        int count = points.length;
        BigInteger[] reduced = IntStream.range(0, count).parallel()
                .mapToObj(i -> points[i].isInfinity() ? BigInteger.ZERO : scalars[i].mod(Group.order()))
                .toArray(BigInteger[]::new);
        int c = window(count, Arrays.stream(reduced).mapToInt(BigInteger::bitLength).max().orElse(0));
        int[][] digits = Arrays.stream(reduced).parallel().map(k -> signedDigits(k, c)).toArray(int[][]::new);
        int windows = Arrays.stream(digits).mapToInt(d -> d.length).max().orElse(0);
        ECPoint[] negated = Arrays.stream(points).parallel().map(ECPoint::negate).toArray(ECPoint[]::new);
        ECPoint[] windowSums = IntStream.range(0, windows).parallel()
                .mapToObj(window -> windowSum(points, negated, digits, window, 1 << (c - 1)))
                .toArray(ECPoint[]::new);
        ECPoint sum = Group.infinity();
        for (int window = windows - 1; window >= 0; window--) {
            sum = sum.timesPow2(c).add(windowSums[window]);
        }
        return sum;
    }

    /** Σ_i digit_i·P_i over one window, the digits in [−half, half]. */
    private static ECPoint windowSum(ECPoint[] points, ECPoint[] negated, int[][] digits, int window, int half) {
        ECPoint[] bucket = new ECPoint[half + 1];
        for (int i = 0; i < points.length; i++) {
            int digit = window < digits[i].length ? digits[i][window] : 0;
            if (digit == 0) {
                continue;
            }
            ECPoint term = digit > 0 ? points[i] : negated[i];
            digit = Math.abs(digit);
            bucket[digit] = bucket[digit] == null ? term : bucket[digit].add(term);
        }
        // Σ d·bucket[d] = Σ_d (bucket[half] + … + bucket[d]).
        ECPoint running = Group.infinity();
        ECPoint sum = Group.infinity();
        for (int d = half; d >= 1; d--) {
            if (bucket[d] != null) {
                running = running.add(bucket[d]);
            }
            sum = sum.add(running);
        }
        return sum;
    }

    /**
     * The window width c with the fewest additions: each of the ⌈(bits + 1)/c⌉ windows adds every term into a bucket
     * and sums its 2^(c−1) buckets with two additions each.
     */
    static int window(int terms, int bits) {
        int best = 4;
        long fewest = Long.MAX_VALUE;
        for (int c = 4; c <= 16; c++) {
            long additions = (long) ((bits + c) / c) * (terms + (1L << c));
            if (additions < fewest) {
                fewest = additions;
                best = c;
            }
        }
        return best;
    }

    /** k in base 2^c with digits in (−2^(c−1), 2^(c−1)], least significant first. */
    static int[] signedDigits(BigInteger k, int c) {
        byte[] magnitude = k.toByteArray();
        int length = (k.bitLength() + c) / c;
        int[] digits = new int[length];
        int carry = 0;
        for (int w = 0; w < length; w++) {
            int digit = bits(magnitude, w * c, c) + carry;
            carry = 0;
            if (digit > 1 << (c - 1)) {
                digit -= 1 << c;
                carry = 1;
            }
            digits[w] = digit;
        }
        return digits;
    }

    /** Bits from..from+count−1 (count ≤ 16) of the big-endian magnitude, zero beyond its length. */
    private static int bits(byte[] magnitude, int from, int count) {
        int value = 0;
        for (int b = (from + count - 1) >>> 3; b >= from >>> 3; b--) {
            int index = magnitude.length - 1 - b;
            value = value << 8 | (index >= 0 ? magnitude[index] & 0xff : 0);
        }
        return value >>> (from & 7) & (1 << count) - 1;
    }

    /** Straus' interleaved window-NAF: best for one ballot's hundred terms. */
    static ECPoint interleaved(ECPoint[] points, BigInteger[] scalars) {
        int count = 0;
        ECPoint[] bases = new ECPoint[points.length];
        byte[][] nafs = new byte[points.length][];
        for (int i = 0; i < points.length; i++) {
            BigInteger k = scalars[i].mod(Group.order());
            if (k.signum() == 0 || points[i].isInfinity()) {
                continue;
            }
            int width = Math.max(2, WNafUtil.getWindowSize(k.bitLength()));
            bases[count] = points[i];
            nafs[count] = WNafUtil.generateWindowNaf(width, k);
            count++;
        }
        if (count == 0) {
            return Group.infinity();
        }
        Group.curve().normalizeAll(bases, 0, count, null);
        ECPoint[] doubled = new ECPoint[count];
        int[] tableLengths = new int[count];
        int tableSize = 0;
        for (int j = 0; j < count; j++) {
            doubled[j] = bases[j].twice();
            tableLengths[j] = tableLength(nafs[j]);
            tableSize += tableLengths[j];
        }
        Group.curve().normalizeAll(doubled);
        // The odd multiples P, 3P, 5P, … of every base in one array, so that one inversion normalises them all.
        ECPoint[] odd = new ECPoint[tableSize];
        int[] offsets = new int[count];
        for (int j = 0, at = 0; j < count; j++) {
            offsets[j] = at;
            odd[at] = bases[j];
            for (int m = 1; m < tableLengths[j]; m++) {
                odd[at + m] = odd[at + m - 1].add(doubled[j]);
            }
            at += tableLengths[j];
        }
        Group.curve().normalizeAll(odd);
        int length = 0;
        for (int j = 0; j < count; j++) {
            length = Math.max(length, nafs[j].length);
        }
        ECPoint sum = Group.infinity();
        int pendingDoublings = 0;
        for (int bit = length - 1; bit >= 0; bit--) {
            ECPoint level = Group.infinity();
            for (int j = 0; j < count; j++) {
                int digit = bit < nafs[j].length ? nafs[j][bit] : 0;
                if (digit != 0) {
                    ECPoint multiple = odd[offsets[j] + (Math.abs(digit) >>> 1)];
                    level = level.add(digit > 0 ? multiple : multiple.negate());
                }
            }
            if (level.isInfinity()) {
                pendingDoublings++;
                continue;
            }
            if (pendingDoublings > 0) {
                sum = sum.timesPow2(pendingDoublings);
                pendingDoublings = 0;
            }
            sum = sum.twicePlus(level);
        }
        return pendingDoublings > 0 ? sum.timesPow2(pendingDoublings) : sum;
    }

    /** How many odd multiples the recoding uses: its largest digit is 2·length − 1. */
    private static int tableLength(byte[] naf) {
        int largest = 1;
        for (byte digit : naf) {
            largest = Math.max(largest, Math.abs(digit));
        }
        return (largest + 1) / 2;
    }
}
