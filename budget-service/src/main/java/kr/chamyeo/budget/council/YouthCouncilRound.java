package kr.chamyeo.budget.council;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A youth council round received from governance-service, kept whole ({@code data}, the event's data) until the city's
 * YOUTH cycle of its year takes its proposals; {@code cycleId} is null while it waits.
 */
@Entity
public class YouthCouncilRound extends PanacheEntityBase {

    @Id
    public UUID roundId;
    public int fiscalYear;
    public long total;
    public long proposed;
    public LocalDate adoptedOn;
    public String data;
    public OffsetDateTime receivedAt;
    public Long cycleId;
    public OffsetDateTime attachedAt;
    /** Why the round waits although the year's cycle exists, or that it asks for more than the cycle's total. */
    public String note;
}
