package kr.chamyeo.governance.taskforce;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A governance cooperation officer (자치구 청년정책 거버넌스 협력관) as a person, across appointments. */
@Entity
@Table(name = "officer")
public class CooperationOfficer extends PanacheEntityBase {
    @Id
    public UUID id;
    public String name;
    public String contact;
    public OffsetDateTime createdAt;
}
