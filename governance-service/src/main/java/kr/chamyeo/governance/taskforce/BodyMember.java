package kr.chamyeo.governance.taskforce;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.platform.problem.ProblemException;

/** A member of a district's youth participation body (청년참여기구 위원) as a person, across terms. */
@Entity
@Table(name = "body_member")
public class BodyMember extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public String name;
    public Integer birthYear;
    public String contact;
    public boolean publishName;

    /** A member belongs to one district: moving is registering the person anew there (422 naming district). */
    public void requireSameDistrict(String district) {
        if (!this.district.equals(district)) {
            throw ProblemException.unprocessable("district", "must stay " + this.district + "; register the person anew in another district");
        }
    }

    /** A member is appointed only to a body of their own district (422 naming bodyId; a missing body is null). */
    public void requireBodyOfOwnDistrict(ParticipationBody body) {
        if (body == null || !body.district.equals(district)) {
            throw ProblemException.unprocessable("bodyId", "must be a participation body of district " + district);
        }
    }
}
