package kr.chamyeo.governance.forum;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One deliberation or public forum (숙의·공론장) held by a district's youth participation body. */
@Entity
@Table(name = "forum")
public class Forum extends PanacheEntityBase {

    @Schema(name = "ForumKind")
    public enum Kind { DELIBERATION, PUBLIC }

    @Id
    public UUID id;
    public String district;
    public LocalDate heldOn;
    @Enumerated(EnumType.STRING)
    public Kind kind;
    public String topic;
    public int participants;
    public String consentedPeople;
    public String source;
    public OffsetDateTime createdAt;
}
