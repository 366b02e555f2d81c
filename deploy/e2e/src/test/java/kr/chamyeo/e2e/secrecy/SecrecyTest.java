package kr.chamyeo.e2e.secrecy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import kr.chamyeo.e2e.support.Api;
import kr.chamyeo.e2e.support.Http;
import kr.chamyeo.e2e.support.StackExtension;
import kr.chamyeo.e2e.support.Tokens;
import kr.chamyeo.e2e.support.Voting;

/**
 * Issue 21's attack, run on the real stack as an insider would: two residents vote on a fresh ballot, each vote its own
 * transaction, seconds apart; then whoever reads voting-service's database joins the roll to what was cast by
 * transaction id, reads the gateway's access log and the audit trail, and polls live results around a vote.
 */
@ExtendWith(StackExtension.class)
class SecrecyTest {

    @Test
    void anInsiderWithTheDatabaseTheLogsAndLiveResultsLinksNobodyToAChoice(Api api) throws Exception {
        Voting voting = new Voting(api);
        String marker = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> spec = new HashMap<>(voting.spec("비밀투표 확인 " + marker, List.of("yes-" + marker, "no-" + marker)));
        spec.put("liveResults", true);
        Http.Reply opened = Http.post(api.stack().gateway() + "/api/v1/voting/ballots", api.tokens().officer(Tokens.GEUMCHEON), spec);
        assertEquals(201, opened.status(), opened.toString());
        String ballot = opened.json().path("id").asText();

        String livePollBefore = Http.get(api.stack().gateway() + "/api/v1/voting/ballots/" + ballot + "/results", null).text();
        List<String> voters = List.of("alone-a-" + marker, "alone-b-" + marker);
        List<String> choices = List.of("yes-" + marker, "no-" + marker);
        for (int i = 0; i < 2; i++) {
            if (i > 0) {
                // Quiet traffic: the second vote is its own group commit, its own transaction.
                Thread.sleep(3000);
            }
            Http.Reply cast = voting.vote(ballot, api.tokens().resident(voters.get(i), Tokens.GEUMCHEON, "독산1동", 1950 + i * 40,
                    i == 0 ? "F" : "M"), choices.get(i));
            assertEquals(201, cast.status(), cast.toString());
        }
        String livePollAfter = Http.get(api.stack().gateway() + "/api/v1/voting/ballots/" + ballot + "/results", null).text();
        assertEquals(livePollBefore, livePollAfter, "live results must not change by one or two votes");

        try (Connection db = DriverManager.getConnection(api.stack().database("voting"), "chamyeo_voting", "chamyeo")) {
            // The join of the issue: the roll and what was cast, by the transaction that wrote both.
            List<String[]> joined = rows(db, "select r.age_band, r.dong, b.ciphertexts from voting_roll r join board_entry b "
                    + "on b.ballot_id = r.ballot_id and b.xmin = r.xmin where r.ballot_id = cast(? as uuid)", ballot);
            assertEquals(2, joined.size(), "each vote was its own transaction, so the join pairs every voter with an entry");
            for (String[] row : joined) {
                assertTrue(row[2].matches("0[23][0-9a-f]{64},0[23][0-9a-f]{64}"), "only a ciphertext: " + row[2]);
                for (String choice : choices) {
                    assertFalse(row[2].contains(choice));
                }
            }
            // Nothing else in the database holds a choice of this ballot: only its definition names the options.
            for (String[] table : rows(db, "select table_name from information_schema.tables where table_schema = 'public' "
                    + "and table_type = 'BASE TABLE' and table_name not in ('ballot', 'flyway_schema_history') and ? is not null", ballot)) {
                for (String choice : choices) {
                    List<String[]> found = rows(db, "select 1 from " + table[0] + " t where t::text like '%' || ? || '%' "
                            + "and t::text not like '%BallotOpened%' limit 1", choice);
                    assertTrue(found.isEmpty(), "table " + table[0] + " holds the choice " + choice);
                }
            }
            assertEquals(0, rows(db, "select 1 from audit_record where target like '%' || ? || '%' and action like '%vote%'", ballot).size(),
                    "casting writes no audit row");
        }

        // The gateway's access log: the votes' lines name no caller, not even by keyed hash.
        Thread.sleep(1500);
        List<String> voteLines = Files.readAllLines(api.stack().logs().resolve("gateway.log")).stream()
                .filter(line -> line.contains("/ballots/" + ballot + "/votes")).toList();
        assertEquals(2, voteLines.size(), "both votes are logged");
        for (String line : voteLines) {
            assertFalse(line.matches(".*#[0-9a-f]{6,}.*"), "a vote's log line carries a caller tag: " + line);
            for (String voter : voters) {
                assertFalse(line.contains(voter));
            }
        }

        // After counting, the decrypted ballots are published in the order the trustees' shuffles left them.
        JsonNode results = voting.closeAndCount(ballot);
        assertEquals(2, results.path("voters").asInt());
        List<Integer> tallies = new ArrayList<>();
        results.path("tallies").forEach(t -> tallies.add(t.path("votes").asInt()));
        assertEquals(List.of(1, 1), tallies);
        JsonNode record = Http.get(api.stack().gateway() + "/api/v1/voting/ballots/" + ballot + "/record", null).json();
        assertEquals(3, record.path("mixes").size(), "k = 3 trustees shuffled before anyone decrypted");
        assertEquals(2, record.path("rollEntries").asInt());
    }

    private static List<String[]> rows(Connection db, String sql, String parameter) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String[]> out = new ArrayList<>();
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    String[] row = new String[columns];
                    for (int c = 0; c < columns; c++) {
                        row[c] = rows.getString(c + 1);
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }
}
