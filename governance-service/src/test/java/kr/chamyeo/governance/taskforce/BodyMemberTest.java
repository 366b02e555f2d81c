package kr.chamyeo.governance.taskforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import kr.chamyeo.platform.problem.ProblemException;

/** A participation-body member serves in the district they were registered in (금천구 11545 here), and only there. */
class BodyMemberTest {

    private static BodyMember geumcheonMember() {
        BodyMember m = new BodyMember();
        m.district = "11545";
        m.name = "김참여";
        return m;
    }

    private static ParticipationBody body(String district) {
        ParticipationBody b = new ParticipationBody();
        b.district = district;
        b.year = 2020;
        b.name = "청년정책네트워크";
        return b;
    }

    @Test
    void aMemberStaysInTheirDistrict() {
        BodyMember m = geumcheonMember();
        m.requireSameDistrict("11545");
        assertEquals("district", field(() -> m.requireSameDistrict("11680")));
    }

    @Test
    void aMemberIsAppointedOnlyToABodyOfTheirDistrict() {
        BodyMember m = geumcheonMember();
        m.requireBodyOfOwnDistrict(body("11545"));
        assertEquals("bodyId", field(() -> m.requireBodyOfOwnDistrict(body("11680"))));
        assertEquals("bodyId", field(() -> m.requireBodyOfOwnDistrict(null)));
    }

    private static String field(Runnable call) {
        ProblemException e = assertThrows(ProblemException.class, call::run);
        assertEquals(422, e.status());
        return e.toProblem("/test").errors().get(0).field();
    }
}
