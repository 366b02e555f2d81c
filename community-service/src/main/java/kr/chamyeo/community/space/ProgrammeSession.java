package kr.chamyeo.community.space;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
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
    @Column(name = "programme_id")
    public UUID programmeId;
    public int seq;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
}
