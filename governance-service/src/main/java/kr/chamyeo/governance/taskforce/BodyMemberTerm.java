package kr.chamyeo.governance.taskforce;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.platform.problem.ProblemException;

/** One term (위촉) of a member in a participation body, with the role held during it. */
@Entity
@Table(name = "body_member_term")
public class BodyMemberTerm extends PanacheEntityBase {

    /** 위원장, 부위원장, 위원, 간사 (the body's manager). */
    @Schema(name = "NamedMemberRole")
    public enum Role { CHAIR, VICE_CHAIR, MEMBER, MANAGER }

    @Id
    public UUID id;
    public UUID memberId;
    public UUID bodyId;
    @Enumerated(EnumType.STRING)
    public Role role;
    public String domain;
    public LocalDate termStart;
    public LocalDate termEnd;

    /**
     * A term must run forwards, touch the body's year (a 2020 body has no 2022 members) and not overlap the
     * member's other terms in the same body: a re-appointment is a new term after the last.
     */
    public static void checkTerm(LocalDate start, LocalDate end, int bodyYear, List<BodyMemberTerm> sameBody) {
        if (end.isBefore(start)) {
            throw ProblemException.unprocessable("termEnd", "must not be before termStart");
        }
        if (start.getYear() > bodyYear || end.getYear() < bodyYear) {
            throw ProblemException.unprocessable("termStart", "the term must include part of the body's year " + bodyYear);
        }
        for (BodyMemberTerm t : sameBody) {
            if (!start.isAfter(t.termEnd) && !end.isBefore(t.termStart)) {
                throw ProblemException.conflict("overlapping-term", "The member already serves in this body from "
                        + t.termStart + " to " + t.termEnd).with("termId", t.id);
            }
        }
    }
}
