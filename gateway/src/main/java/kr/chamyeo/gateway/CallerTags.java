package kr.chamyeo.gateway;

import java.util.HexFormat;

import kr.chamyeo.platform.jwt.SubjectHash;

/**
 * The access log's short name for a token subject: the first 40 bits of HMAC-SHA256(secret, subject). An unkeyed
 * hash let anyone holding the log and a list of subjects (a district's residents) reverse every tag; keyed, the tags
 * still tell one caller's requests apart for abuse investigations but name nobody without the secret.
 */
final class CallerTags {

    static final int MIN_SECRET_LENGTH = SubjectHash.MIN_SECRET_LENGTH;
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] NO_CONTEXT = new byte[0];

    private final SubjectHash hash;

    CallerTags(String secret) {
        hash = new SubjectHash(secret, "chamyeo.gateway.log-secret (CHAMYEO_GATEWAY_LOG_SECRET)");
    }

    String tag(String subject) {
        return HEX.formatHex(hash.of(NO_CONTEXT, subject), 0, 5);
    }
}
