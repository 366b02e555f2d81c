package kr.chamyeo.budget.cycle;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import kr.chamyeo.budget.selection.SelectionRule;
import kr.chamyeo.platform.problem.ProblemException;

@Entity
public class Cycle extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String district;
    public int fiscalYear;
    @Enumerated(EnumType.STRING)
    public CycleKind kind;
    public String title;
    public long totalAmount;
    public long ordinaryCap;
    public long eventCap;
    @Enumerated(EnumType.STRING)
    public SelectionRule rule;
    public LocalDate intakeFrom;
    public LocalDate intakeTo;
    public LocalDate reviewTo;
    public LocalDate assemblyFrom;
    public LocalDate assemblyTo;
    @Enumerated(EnumType.STRING)
    public CycleStatus status;
    /** Why voting-service refused the current 총회 ballot request(s); null once re-requested or never refused. */
    public String assemblyRejection;
    public OffsetDateTime createdAt;
    @Version
    public int version;

    /** The 총회's electorates (투표 채널) in their order: the first breaks ties of score, as the residents always did. */
    @ElementCollection
    @CollectionTable(name = "cycle_electorate", joinColumns = @JoinColumn(name = "cycle_id"))
    @OrderColumn(name = "position")
    public List<Electorate> electorates = new ArrayList<>();

    @OneToMany(mappedBy = "cycle", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<Subcommittee> subcommittees = new ArrayList<>();

    public static Cycle require(long id) {
        return Cycle.<Cycle>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Cycle", id));
    }

    public Optional<Electorate> electorate(String code) {
        return electorates.stream().filter(e -> e.code.equals(code)).findFirst();
    }

    /** The weight of the electorate with this code, 0 if the cycle has none (the two-electorate view of the original API). */
    public int weightOf(String code) {
        return electorate(code).map(e -> e.weight).orElse(0);
    }

    public Optional<Subcommittee> subcommittee(String code) {
        return subcommittees.stream().filter(s -> s.code.equals(code)).findFirst();
    }

    /** 사업비 상한: an ordinary project at most the ordinary cap, an event-type project (행사성 사업) at most the event cap. */
    public void requireWithinCap(String field, long amount, boolean eventType) {
        long cap = eventType ? eventCap : ordinaryCap;
        if (amount > cap) {
            throw ProblemException.unprocessable(field, "must be at most " + cap + " won for "
                            + (eventType ? "an event-type project (행사성 사업)" : "an ordinary project (일반사업)"))
                    .with("amount", amount).with("cap", cap);
        }
    }

    /** Refuses any change of proposals or reviews once the assembly has been opened. */
    public void requireOpen(String action) {
        if (status != CycleStatus.OPEN) {
            throw ProblemException.conflict("cycle-not-open", "Cycle " + id + " is " + status + "; " + action
                    + " is only possible while it is OPEN");
        }
    }
}
