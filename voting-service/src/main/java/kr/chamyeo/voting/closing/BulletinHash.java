package kr.chamyeo.voting.closing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The bulletin's fingerprint, reproducible by anyone from the published entries: SHA-256 over the UTF-8 text
 * that has one line per entry, in the bulletin's order (ascending receipt hash), each line being
 * {@code <receipt hash, 64 lowercase hex> <space> <chosen keys in option order, comma-separated> <LF>}.
 * Ordering by receipt hash is a random order (the hashes are of random codes) that is independent of when
 * anyone voted, and it needs no stored position.
 */
public final class BulletinHash {

    private static final HexFormat HEX = HexFormat.of();
    private final MessageDigest digest;

    public BulletinHash() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public void add(String receiptHashHex, List<String> keys) {
        digest.update(line(receiptHashHex, keys).getBytes(StandardCharsets.UTF_8));
    }

    public String hex() {
        return HEX.formatHex(digest.digest());
    }

    public static String line(String receiptHashHex, List<String> keys) {
        return receiptHashHex + " " + String.join(",", keys) + "\n";
    }
}
