package kr.chamyeo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LoggedPathsTest {

    private static final String CODE = "0123456789abcdef0123456789abcdef";
    private static final String BALLOT = "/api/v1/voting/ballots/5b1f8c2e-0000-4000-8000-000000000001";

    @Test
    void receiptAndTrackerCodesAreRedacted() {
        assertEquals(BALLOT + "/receipts/" + LoggedPaths.REDACTED, LoggedPaths.redact(BALLOT + "/receipts/" + CODE));
        assertEquals(BALLOT + "/trackers/" + LoggedPaths.REDACTED, LoggedPaths.redact(BALLOT + "/trackers/" + CODE));
        assertEquals(BALLOT + "/receipts/" + LoggedPaths.REDACTED, LoggedPaths.redact(BALLOT + "/receipts/" + CODE + "/extra"));
    }

    @Test
    void oddSpellingsOfTheSegmentDoNotCarryTheCodeThrough() {
        for (String path : new String[] { BALLOT + "/Receipts/" + CODE, BALLOT + "/receipts;v=1/" + CODE,
                BALLOT + "/r%65ceipts/" + CODE, BALLOT + "/receipts%2F" + CODE, BALLOT + "/trackers%2f" + CODE }) {
            String logged = LoggedPaths.redact(path);
            assertFalse(logged.contains(CODE), logged);
            assertTrue(logged.endsWith(LoggedPaths.REDACTED), logged);
        }
    }

    @Test
    void otherPathsAreLoggedAsTheyAre() {
        for (String path : new String[] { BALLOT, BALLOT + "/results", BALLOT + "/receipts", "/api/v1/budget/cycles/7",
                "/api/v1/budget/receiptsx/1", "/" }) {
            assertEquals(path, LoggedPaths.redact(path));
        }
    }

    @Test
    void votingActsAreCastingAndCheckingReceiptsOrTrackers() {
        assertTrue(LoggedPaths.isVotingAct(BALLOT + "/votes"));
        assertTrue(LoggedPaths.isVotingAct("/api/v1/budget/ballots/b1/votes"));
        assertTrue(LoggedPaths.isVotingAct(BALLOT + "/receipts"));
        assertTrue(LoggedPaths.isVotingAct(BALLOT + "/receipts/" + CODE));
        assertTrue(LoggedPaths.isVotingAct(BALLOT + "/trackers/" + CODE));
        assertTrue(LoggedPaths.isVotingAct(BALLOT + "/encrypted-votes"));
        assertTrue(LoggedPaths.isVotingAct(BALLOT + "/board/lookup"));
        assertTrue(LoggedPaths.isVotingAct(BALLOT + "/VOTES"));
        assertFalse(LoggedPaths.isVotingAct(BALLOT));
        assertFalse(LoggedPaths.isVotingAct(BALLOT + "/results"));
        assertFalse(LoggedPaths.isVotingAct("/api/v1/budget/cycles"));
    }
}
