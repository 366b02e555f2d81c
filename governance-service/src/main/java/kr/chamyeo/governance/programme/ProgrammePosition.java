package kr.chamyeo.governance.programme;

import java.io.Serializable;
import java.util.Objects;

/** The key ({@code @IdClass}) of a programme's budget lines and milestones: the programme and the row's place in its seed data. */
public class ProgrammePosition implements Serializable {

    public String programmeId;
    public int position;

    @Override
    public boolean equals(Object o) {
        return o instanceof ProgrammePosition k && position == k.position && Objects.equals(programmeId, k.programmeId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(programmeId, position);
    }
}
