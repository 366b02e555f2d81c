package kr.chamyeo.voting.cast;

import static kr.chamyeo.voting.TestBallots.GEUMCHEON;
import static kr.chamyeo.voting.TestBallots.vote;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.Normalizer;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import kr.chamyeo.platform.testing.KafkaAndKeysResource;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.voting.TestBallots;

/** The roll keeps the attributes turnout is reported by, and the age only as its band: never an exact age. */
@QuarkusTest
@QuarkusTestResource(KafkaAndKeysResource.class)
class RollTest {

    private static final Set<String> ROLL_COLUMNS = new TreeSet<>(List.of("ballot_id", "voter_hash", "sex", "age_band", "youth", "dong"));

    @Test
    void aCastVoteLeavesItsVotersAgeOnlyAsBandAndYouthFlag() throws SQLException {
        String ballot = TestBallots.open(false);
        int year = Year.now(ZoneId.of("Asia/Seoul")).getValue();
        vote(ballot, TestTokens.resident("banded-" + UUID.randomUUID(), GEUMCHEON, "독산1동", year - 37, "F"), "p-1").statusCode(201);
        vote(ballot, TestTokens.resident("banded-" + UUID.randomUUID(), GEUMCHEON, "독산1동", year - 41, "M"), "p-2").statusCode(201);

        assertEquals(ROLL_COLUMNS, columns("public"), "no column could hold an exact age");
        assertEquals(List.of("F 30-39 true 독산1동", "M 40-49 false 독산1동"),
                rows("select sex || ' ' || age_band || ' ' || youth || ' ' || dong from voting_roll "
                        + "where ballot_id = '" + UUID.fromString(ballot) + "' order by sex"));
    }

    /** Issue 23: one person, one vote rests on the subject, so its spellings are one voter (VoterSubject). */
    @Test
    void oneSubjectSpelledAnotherWayCannotVoteTwice() throws SQLException {
        String ballot = TestBallots.open(false);
        String subject = "Voter-" + UUID.randomUUID();
        vote(ballot, TestBallots.resident(subject), "p-1").statusCode(201);
        for (String spelling : List.of(subject.toLowerCase(Locale.ROOT), " " + subject + "\t", subject.toUpperCase(Locale.ROOT))) {
            vote(ballot, TestBallots.resident(spelling), "p-2").statusCode(409).body("type", containsString("already-voted"));
        }
        // A token whose dong claim is decomposed (NFD) or spaced counts for 독산1동 like any other.
        vote(ballot, TestTokens.resident("nfd-" + UUID.randomUUID(), GEUMCHEON, Normalizer.normalize(" 독산 1동", Normalizer.Form.NFD),
                1985, "F"), "p-3").statusCode(201);
        assertEquals(List.of("독산1동 2"), rows("select dong || ' ' || count(*) from voting_roll where ballot_id = '"
                + UUID.fromString(ballot) + "' group by dong"));
    }

    @Test
    void subjectsAreComparedInOneSpellingAsTheIdentityProviderDoes() {
        assertEquals("f81d4fae-7dec-11d0-a765-00a0c91e6bf6",
                VoterSubject.canonical(" F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6\n", VoterSubject.Case.INSENSITIVE));
        assertEquals("AbC", VoterSubject.canonical(" AbC ", VoterSubject.Case.SENSITIVE));
        assertEquals("김철수", VoterSubject.canonical(Normalizer.normalize("김철수", Normalizer.Form.NFD), VoterSubject.Case.SENSITIVE));
    }

    @Test
    void theMigrationTurnsExactAgesIntoBands() throws SQLException {
        String schema = "roll_bands_migration";
        try {
            // Migrations run as the database's owner, as Flyway does at start; the service's role may create nothing.
            Flyway at = Flyway.configure().dataSource(url(), owner(), ownerPassword()).schemas(schema).locations("classpath:db/migration")
                    .cleanDisabled(false).target("2").load();
            at.clean();
            at.migrate();
            execute("insert into " + schema + ".voting_roll (ballot_id, voter_hash, sex, age, dong) values "
                    + "('00000000-0000-4000-8000-000000000001', '\\x01', 'F', 17, '독산1동'), "
                    + "('00000000-0000-4000-8000-000000000001', '\\x02', 'M', 19, '독산1동'), "
                    + "('00000000-0000-4000-8000-000000000001', '\\x03', 'F', 39, '가산동'), "
                    + "('00000000-0000-4000-8000-000000000001', '\\x04', 'M', 40, '가산동'), "
                    + "('00000000-0000-4000-8000-000000000001', '\\x05', 'F', 59, null), "
                    + "('00000000-0000-4000-8000-000000000001', '\\x06', 'M', 72, '독산1동'), "
                    + "('00000000-0000-4000-8000-000000000001', '\\x07', null, null, null)");
            Flyway.configure().dataSource(url(), owner(), ownerPassword()).schemas(schema).locations("classpath:db/migration").target("3")
                    .load().migrate();

            assertEquals(ROLL_COLUMNS, columns(schema));
            assertEquals(List.of("01 F 0-29 false 독산1동", "02 M 0-29 true 독산1동", "03 F 30-39 true 가산동",
                    "04 M 40-49 false 가산동", "05 F 50-59 false -", "06 M 60+ false 독산1동", "07 - - - -"),
                    rows("select concat_ws(' ', encode(voter_hash, 'hex'), coalesce(sex, '-'), coalesce(age_band, '-'), "
                            + "coalesce(youth::text, '-'), coalesce(dong, '-')) from " + schema + ".voting_roll order by voter_hash"));
        } finally {
            execute("drop schema if exists " + schema + " cascade");
        }
    }

    private Set<String> columns(String schema) throws SQLException {
        return new TreeSet<>(rows("select column_name from information_schema.columns where table_schema = '" + schema
                + "' and table_name = 'voting_roll'"));
    }

    private static String url() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
    }

    private static String owner() {
        return ConfigProvider.getConfig().getValue("quarkus.flyway.username", String.class);
    }

    private static String ownerPassword() {
        return ConfigProvider.getConfig().getValue("quarkus.flyway.password", String.class);
    }

    /** As the owner: the migration's own schema is the owner's, out of the service role's reach. */
    private List<String> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), owner(), ownerPassword()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(), owner(), ownerPassword()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
