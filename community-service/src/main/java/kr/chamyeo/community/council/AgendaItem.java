package kr.chamyeo.community.council;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 의제: one item of a self-governance plan, a ballot option at the general meeting. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID planId;
    public String optionKey;
    public String title;
    public String description;
    public Long cost;
    public Integer votes;
    public Boolean adopted;

    public static List<AgendaItem> of(UUID planId) {
        return list("planId = ?1 order by optionKey", planId);
    }
}
