package kr.chamyeo.budget.cycle;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** 분과 with its ceiling (실링액); {@code forwardedAt} is set once it has sent its projects to the assembly. */
@Entity
public class Subcommittee extends PanacheEntityBase {

    /** 분과심의: the forwarded set may total at most 130% of the ceiling. */
    public static final int FORWARD_LIMIT_PERCENT = 130;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @ManyToOne(optional = false)
    public Cycle cycle;
    public String code;
    public String name;
    public long ceiling;
    public OffsetDateTime forwardedAt;
    public String forwardedBy;

    /** 130% of the ceiling, rounded down to whole won. */
    public long forwardLimit() {
        return Math.multiplyExact(ceiling, FORWARD_LIMIT_PERCENT) / 100;
    }
}
