package kr.chamyeo.governance.taskforce;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A district's youth participation body (청년참여기구) in one year. */
@Entity
@Table(name = "participation_body")
public class ParticipationBody extends PanacheEntityBase {
    @Id
    public UUID id;
    public String district;
    public int year;
    public String name;
    public String manager;
    public int memberCount;
}
