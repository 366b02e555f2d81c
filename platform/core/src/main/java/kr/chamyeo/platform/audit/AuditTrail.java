package kr.chamyeo.platform.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Appends audit records to the service's hash chain ({@link AuditChain}) and walks the chain to verify it. An append
 * runs in the caller's transaction — the one that makes the change it records ({@link AuditTransactions}) — and takes
 * the chain's head row for update, so that audited transactions of a service join the chain one after another; the
 * head stays locked until that transaction ends. Votes are never audited ({@link SecretBallot}), so only officers'
 * and administrators' changes queue here.
 */
@ApplicationScoped
public class AuditTrail {

    /** What a request filter knows of a change before it is made; the status only once it is answered. */
    record Entry(String actor, String role, String district, String action, String target, Integer status, String requestId) {

        Entry withStatus(int answered) {
            return new Entry(actor, role, district, action, target, answered, requestId);
        }
    }

    /**
     * The result of walking the chain: how many records, the head, the first broken link if any, and the recomputed
     * hash (hex) of each record asked for ({@code reached}, for checkpoints).
     */
    public record Verification(long records, Long headId, String headHash, Long firstBrokenId, String problem,
                               Map<Long, String> reached) {

        public boolean intact() {
            return problem == null;
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /** Appends the entry in the current transaction; an SQL failure is thrown so that the transaction fails with it. */
    void append(Entry entry) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            byte[] previous;
            try (PreparedStatement head = connection.prepareStatement("select hash from audit_chain_head where id = 1 for update");
                 ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    throw new SQLException("audit_chain_head has no row: the audit chain cannot be extended");
                }
                previous = row.getBytes(1);
            }
            long id;
            try (PreparedStatement next = connection.prepareStatement("select nextval('audit_record_id_seq')");
                 ResultSet row = next.executeQuery()) {
                row.next();
                id = row.getLong(1);
            }
            // Microseconds, as PostgreSQL keeps them: the hash covers exactly what is stored.
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            byte[] hash = AuditChain.hash(previous, new AuditChain.Link(id, now, entry.actor(), entry.role(), entry.district(),
                    entry.action(), entry.target(), entry.status(), entry.requestId()));
            try (PreparedStatement insert = connection.prepareStatement("insert into audit_record (id, occurred_at, actor, role, "
                    + "district, action, target, status, request_id, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setString(3, entry.actor());
                insert.setString(4, entry.role());
                insert.setString(5, entry.district());
                insert.setString(6, entry.action());
                insert.setString(7, entry.target());
                if (entry.status() == null) {
                    insert.setNull(8, Types.INTEGER);
                } else {
                    insert.setInt(8, entry.status());
                }
                insert.setString(9, entry.requestId());
                insert.setBytes(10, previous);
                insert.setBytes(11, hash);
                insert.executeUpdate();
            }
            try (PreparedStatement head = connection.prepareStatement("update audit_chain_head set last_id = ?, hash = ? where id = 1")) {
                head.setLong(1, id);
                head.setBytes(2, hash);
                head.executeUpdate();
            }
        }
    }

    /**
     * Walks every record in id order, recomputing each hash from the record's fields and the previous record's hash,
     * and compares the end with the head row. Names the first record whose link is broken: the one that was altered,
     * or the one after records that were removed or slipped in.
     */
    public Verification verify(Set<Long> marks) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            // One snapshot for the walk and the head: records appended meanwhile would otherwise look like a broken end.
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return walk(connection, marks);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    private Verification walk(Connection connection, Set<Long> marks) throws SQLException {
        {
            Map<Long, String> reached = new HashMap<>();
            byte[] previous = AuditChain.GENESIS;
            long lastId = 0;
            long records = 0;
            boolean any = false;
            while (true) {
                List<Object[]> page = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("select id, occurred_at, actor, role, district, action, "
                        + "target, status, request_id, prev_hash, hash from audit_record where id > ? order by id limit 1000")) {
                    select.setLong(1, any ? lastId : Long.MIN_VALUE);
                    try (ResultSet row = select.executeQuery()) {
                        while (row.next()) {
                            int code = row.getInt(8);
                            Integer status = row.wasNull() ? null : code;
                            page.add(new Object[] {new AuditChain.Link(row.getLong(1), row.getTimestamp(2).toInstant(), row.getString(3),
                                    row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                                    status, row.getString(9)), row.getBytes(10), row.getBytes(11)});
                        }
                    }
                }
                if (page.isEmpty()) {
                    break;
                }
                for (Object[] record : page) {
                    AuditChain.Link link = (AuditChain.Link) record[0];
                    if (!Arrays.equals(previous, (byte[]) record[1])) {
                        return broken(records, link.id(), reached, "its previous hash is not the hash of the record before it ("
                                + (any ? "record " + lastId : "the start of the chain") + "): records were removed or inserted");
                    }
                    byte[] expected = AuditChain.hash(previous, link);
                    if (!Arrays.equals(expected, (byte[]) record[2])) {
                        return broken(records, link.id(), reached, "its contents do not match its hash: the record was altered");
                    }
                    if (marks.contains(link.id())) {
                        reached.put(link.id(), AuditChain.hex(expected));
                    }
                    previous = expected;
                    lastId = link.id();
                    any = true;
                    records++;
                }
            }
            try (PreparedStatement select = connection.prepareStatement("select last_id, hash from audit_chain_head where id = 1");
                 ResultSet head = select.executeQuery()) {
                if (!head.next()) {
                    return broken(records, null, reached, "the chain's head row is missing");
                }
                long headId = head.getLong(1);
                Long named = head.wasNull() ? null : headId;
                byte[] headHash = head.getBytes(2);
                if (!Arrays.equals(headHash, previous) || (named == null ? any : !any || named != lastId)) {
                    return new Verification(records, named, AuditChain.hex(headHash), named,
                            "the head names record " + named + " but the chain ends at " + (any ? "record " + lastId : "no record")
                                    + ": the newest records were removed or the head was rewritten", reached);
                }
                return new Verification(records, named, AuditChain.hex(headHash), null, null, reached);
            }
        }
    }

    private static Verification broken(long records, Long id, Map<Long, String> reached, String problem) {
        return new Verification(records, null, null, id, "record " + id + ": " + problem, reached);
    }
}
