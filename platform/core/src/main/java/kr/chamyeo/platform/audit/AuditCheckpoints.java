package kr.chamyeo.platform.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Signed checkpoints of the audit chain (issue 23). The hash chain shows a record altered, removed or inserted, but
 * whoever holds the database's rights can rebuild the whole chain consistently. So the service signs the chain's head
 * (Ed25519, with a key from configuration that the database never holds) every {@code chamyeo.audit.checkpoint.interval}
 * and publishes the checkpoint: a line on the log category {@code chamyeo.audit.checkpoint} (shipped off the host) and a
 * row of {@code audit_checkpoint}. A rebuilt chain no longer reaches the hash a checkpoint signed, and a new checkpoint
 * cannot be signed without the key: {@code /audit/verify} checks the stored ones, {@code /audit/checkpoints/verify} one
 * kept elsewhere. Without a configured key no checkpoints are made (a warning says so at start).
 */
@ApplicationScoped
public class AuditCheckpoints {

    private static final Logger LOG = Logger.getLogger(AuditCheckpoints.class);
    /** Where checkpoints are published: ship this category's lines somewhere the database's administrators cannot edit. */
    private static final Logger PUBLISHED = Logger.getLogger("chamyeo.audit.checkpoint");
    private static final String FORMAT = "chamyeo-audit-checkpoint/1";

    @Schema(name = "AuditCheckpoint", description = "The audit chain's head as the service signed it (Ed25519)")
    public record Checkpoint(@Schema(example = "budget-service") @Size(max = 100) String service,
                             @Schema(example = "1520", description = "The last record covered; null for an empty chain") Long lastId,
                             @Schema(example = "5d41402abc4b2a76b9719d911017c5925d41402abc4b2a76b9719d911017c592",
                                     description = "SHA-256 (hex) of that record, as the chain links it")
                             @Pattern(regexp = "[0-9a-fA-F]{64}") String headHash,
                             @Schema(example = "2026-05-03T09:14:00.123456Z") Instant signedAt,
                             @Schema(example = "3f2a9c0d1e4b5a67", description = "First 8 bytes (hex) of SHA-256 of the verify key")
                             @Pattern(regexp = "[0-9a-f]{16}") String keyId,
                             @Schema(description = "Ed25519 signature (base64) over the format name, service, last id, head hash "
                                     + "and time, one per line") @Size(max = 200) String signature) {

        byte[] message() {
            return String.join("\n", FORMAT, service, lastId == null ? "-" : lastId.toString(), headHash.toLowerCase(),
                    signedAt.toString()).getBytes(StandardCharsets.UTF_8);
        }
    }

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    /** PKCS#8 (base64 DER) Ed25519 private key; only the service holds it. */
    @ConfigProperty(name = "chamyeo.audit.checkpoint.signing-key")
    Optional<String> signingKey;

    /** X.509 SubjectPublicKeyInfo (base64 DER) of that key: what auditors verify with. */
    @ConfigProperty(name = "chamyeo.audit.checkpoint.verify-key")
    Optional<String> verifyKey;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper mapper;

    private volatile PrivateKey signer;
    private volatile PublicKey verifier;
    private volatile String keyId;

    void start(@Observes StartupEvent startup) throws GeneralSecurityException {
        KeyFactory keys = KeyFactory.getInstance("Ed25519");
        if (verifyKey.isPresent()) {
            verifier = keys.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(verifyKey.get().strip())));
            keyId = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(verifier.getEncoded()), 0, 8);
        }
        if (signingKey.isPresent()) {
            if (verifier == null) {
                throw new IllegalStateException("chamyeo.audit.checkpoint.signing-key needs chamyeo.audit.checkpoint.verify-key, "
                        + "the public half that auditors verify checkpoints with");
            }
            PrivateKey key = keys.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(signingKey.get().strip())));
            byte[] probe = FORMAT.getBytes(StandardCharsets.UTF_8);
            if (!verifies(probe, sign(key, probe))) {
                throw new IllegalStateException("chamyeo.audit.checkpoint.signing-key and verify-key are not one key pair");
            }
            signer = key;
        } else {
            LOG.warn("No chamyeo.audit.checkpoint.signing-key: the audit chain is not checkpointed, so a chain rebuilt "
                    + "from the start by the database's administrators would go unnoticed");
        }
    }

    public boolean canSign() {
        return signer != null;
    }

    @Scheduled(every = "${chamyeo.audit.checkpoint.interval:10m}", delayed = "${chamyeo.audit.checkpoint.interval:10m}",
            identity = "audit-checkpoint", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void periodically() throws SQLException {
        if (signer != null) {
            make(true);
        }
    }

    /** Signs the chain's current head, stores and publishes the checkpoint; with {@code onlyIfNew} not the same head twice. */
    public Optional<Checkpoint> make(boolean onlyIfNew) throws SQLException {
        if (signer == null) {
            return Optional.empty();
        }
        try (Connection connection = dataSource.getConnection()) {
            Long lastId;
            byte[] hash;
            try (PreparedStatement head = connection.prepareStatement("select last_id, hash from audit_chain_head where id = 1");
                 ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("audit_chain_head has no row");
                }
                long id = row.getLong(1);
                lastId = row.wasNull() ? null : id;
                hash = row.getBytes(2);
            }
            if (onlyIfNew) {
                try (PreparedStatement newest = connection.prepareStatement(
                        "select head_hash from audit_checkpoint order by id desc limit 1");
                     ResultSet row = newest.executeQuery()) {
                    if (row.next() && java.util.Arrays.equals(row.getBytes(1), hash)) {
                        return Optional.empty();
                    }
                }
            }
            Checkpoint unsigned = new Checkpoint(service, lastId, AuditChain.hex(hash), Instant.now().truncatedTo(ChronoUnit.MICROS),
                    keyId, null);
            byte[] signature = sign(signer, unsigned.message());
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_checkpoint (last_id, head_hash, "
                    + "signed_at, key_id, signature) values (?, ?, ?, ?, ?)")) {
                if (lastId == null) {
                    insert.setNull(1, Types.BIGINT);
                } else {
                    insert.setLong(1, lastId);
                }
                insert.setBytes(2, hash);
                insert.setTimestamp(3, Timestamp.from(unsigned.signedAt()));
                insert.setString(4, keyId);
                insert.setBytes(5, signature);
                insert.executeUpdate();
            }
            Checkpoint checkpoint = new Checkpoint(service, lastId, unsigned.headHash(), unsigned.signedAt(), keyId,
                    Base64.getEncoder().encodeToString(signature));
            PUBLISHED.info(json(checkpoint));
            return Optional.of(checkpoint);
        }
    }

    /** The stored checkpoints, newest first. */
    public List<Checkpoint> stored(int limit) throws SQLException {
        List<Checkpoint> out = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select last_id, head_hash, signed_at, key_id, signature "
                + "from audit_checkpoint order by id desc limit ?")) {
            select.setInt(1, limit);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long id = row.getLong(1);
                    Long lastId = row.wasNull() ? null : id;
                    out.add(new Checkpoint(service, lastId, AuditChain.hex(row.getBytes(2)), row.getTimestamp(3).toInstant(),
                            row.getString(4), Base64.getEncoder().encodeToString(row.getBytes(5))));
                }
            }
        }
        return out;
    }

    /**
     * What is wrong with a checkpoint against the chain as verification recomputed it ({@code reached}: record id to
     * recomputed hash, in hex); null when the service signed it and the chain still reaches it.
     */
    public String problemWith(Checkpoint checkpoint, Map<Long, String> reached) {
        if (verifier == null) {
            return "no chamyeo.audit.checkpoint.verify-key is configured to check it with";
        }
        if (!service.equals(checkpoint.service())) {
            return "it was signed for " + checkpoint.service() + ", not " + service;
        }
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(checkpoint.signature());
        } catch (IllegalArgumentException e) {
            return "its signature is not base64";
        }
        if (!verifies(checkpoint.message(), signature)) {
            return "its signature does not verify with the service's key: the service did not sign it";
        }
        String now = checkpoint.lastId() == null ? AuditChain.hex(AuditChain.GENESIS) : reached.get(checkpoint.lastId());
        if (now == null) {
            return "the chain no longer holds record " + checkpoint.lastId() + ", whose hash it signed: the chain was cut or rebuilt";
        }
        if (!now.equalsIgnoreCase(checkpoint.headHash())) {
            return "record " + checkpoint.lastId() + " no longer has the hash it signed: the chain up to it was rewritten";
        }
        return null;
    }

    private boolean verifies(byte[] message, byte[] signature) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initVerify(verifier);
            ed.update(message);
            return ed.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature ed = Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(message);
            return ed.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Checkpoint checkpoint) {
        try {
            return mapper.writeValueAsString(checkpoint);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
