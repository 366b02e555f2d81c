package kr.chamyeo.community.council;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The seed of a council lottery and its commitment (issue 23). The draw runs on the seed and a public value fixed only
 * at the ceremony, so the seed alone — known to the officer who keeps it and, after the request, to nobody else — does
 * not tell the panel, and nobody can grind seeds for a panel: the commitment binds the seed before the public value
 * exists. governance-service recomputes the same commitment (SHA-256 of the seed's ASCII hex text).
 */
public final class LotterySeal {

    private static final SecureRandom RANDOM = new SecureRandom();

    private LotterySeal() {
    }

    /** 32 random bytes as 64 lower-case hex digits. */
    public static String newSeed() {
        byte[] seed = new byte[32];
        RANDOM.nextBytes(seed);
        return HexFormat.of().formatHex(seed);
    }

    /** hex(SHA-256(seed's hex text, lower-cased)): what is stored and sent before the draw. */
    public static String commitment(String seedHex) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(seedHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether a seed brought to the ceremony is the committed one. */
    public static boolean opens(String seedHex, String commitment) {
        return seedHex != null && commitment != null && commitment(seedHex).equals(commitment);
    }
}
