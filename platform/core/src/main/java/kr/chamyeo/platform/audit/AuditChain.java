package kr.chamyeo.platform.audit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash chain of a service's audit trail. Each record's hash is SHA-256 of the previous record's hash followed by
 * the record's own fields ({@link #link}), the first record's previous hash being 32 zero bytes. Changing any field
 * of a record changes its hash; removing or inserting a record leaves the next record pointing at a hash that is no
 * longer its predecessor's. The same bytes are computed in SQL only by the migration that chained older rows
 * ({@code audit_record_link}); verification computes them here, independently of anything stored in the database.
 */
public final class AuditChain {

    static final byte[] GENESIS = new byte[32];

    private AuditChain() {
    }

    /** The fields that one link covers, in chain order. */
    record Link(long id, Instant occurredAt, String actor, String role, String district, String action, String target,
                Integer status, String requestId) {
    }

    /** SHA-256 of {@code previous} and the link's fields, each as its UTF-8 length (4 bytes, big-endian; -1 for none) and bytes. */
    static byte[] hash(byte[] previous, Link link) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        bytes.writeBytes(previous);
        field(bytes, Long.toString(link.id()));
        field(bytes, Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, link.occurredAt())));
        field(bytes, link.actor());
        field(bytes, link.role());
        field(bytes, link.district());
        field(bytes, link.action());
        field(bytes, link.target());
        field(bytes, link.status() == null ? null : link.status().toString());
        field(bytes, link.requestId());
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void field(ByteArrayOutputStream bytes, String value) {
        if (value == null) {
            bytes.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        bytes.writeBytes(ByteBuffer.allocate(4).putInt(utf8.length).array());
        bytes.writeBytes(utf8);
    }

    static String hex(byte[] hash) {
        return hash == null ? null : HexFormat.of().formatHex(hash);
    }
}
