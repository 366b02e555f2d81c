package kr.chamyeo.budget.assembly;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import kr.chamyeo.budget.cycle.Cycle;

/** One ballot requested from voting-service; {@code ballotId} is known once voting-service confirms it. */
@Entity
public class AssemblyBallot extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Cycle cycle;
    /** The code of the cycle's electorate this ballot is for. */
    public String electorate;
    public String correlationId;
    public String ballotId;
    public OffsetDateTime opensAt;
    public OffsetDateTime closesAt;
    public String rejectedReason;
    public OffsetDateTime closedAt;
    public Integer voters;
    public Integer boxChunks;
    /** 1 for the first request; each re-request after a BallotRejected is the next round. */
    public int round = 1;

    static final String CORRELATION_PREFIX = "budget:";

    /** {@code budget:<cycleId>:<ELECTORATE>} for round 1 (the shared contract), {@code …:<round>} after a re-request. */
    public static String correlationId(long cycleId, String electorate, int round) {
        return CORRELATION_PREFIX + cycleId + ":" + electorate + (round == 1 ? "" : ":" + round);
    }

    /** The latest round of each electorate's ballot, by electorate code: the ones the 총회 is decided by. */
    public static Map<String, AssemblyBallot> current(Cycle cycle) {
        Map<String, AssemblyBallot> latest = new HashMap<>();
        for (AssemblyBallot b : AssemblyBallot.<AssemblyBallot>list("cycle", Sort.ascending("round"), cycle)) {
            latest.put(b.electorate, b);
        }
        return latest;
    }

    public static Optional<AssemblyBallot> byCorrelation(String correlationId) {
        return correlationId == null ? Optional.empty() : find("correlationId", correlationId).firstResultOptional();
    }

    public static Optional<AssemblyBallot> byBallotId(String ballotId) {
        return ballotId == null ? Optional.empty() : find("ballotId", ballotId).firstResultOptional();
    }
}
