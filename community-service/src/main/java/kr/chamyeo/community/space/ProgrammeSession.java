package kr.chamyeo.community.space;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 회차: one meeting of a space programme. */
@Entity
@Table(name = "programme_session")
public class ProgrammeSession extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID programmeId;
    public int seq;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
}
