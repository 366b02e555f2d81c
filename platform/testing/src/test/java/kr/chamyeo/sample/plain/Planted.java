package kr.chamyeo.sample.plain;

import jakarta.inject.Inject;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import kr.chamyeo.elsewhere.Foreign;

/* Classes that keep or break ServiceArchitecture's rules, one way each, for ServiceArchitectureTest. */

@Entity
class Ledger extends PanacheEntityBase {
    @Id
    Long id;
    long balance;
}

final class CleanRules {
    static boolean admits(long amount, long ceiling) {
        return amount * 100 <= ceiling * 130;
    }
}

final class ServerRules {
    @Inject
    Object injected;
}

final class QueryingRules {
    static long entries() {
        return Ledger.count();
    }
}

class ThinResource {
    boolean post(long amount) {
        return CleanRules.admits(amount, 100);
    }
}

class TransactionalResource {
    @Transactional
    void post() {
    }
}

class QuarkusTransactionResource {
    void post() {
        QuarkusTransaction.requiringNew().run(() -> { });
    }
}

class EntityManagerResource {
    EntityManager em;
}

class PanacheResource {
    Object get(long id) {
        return Ledger.findById(id);
    }
}

class ViewResource {
    record View(long entries) {
        static View now() {
            return new View(Ledger.count());
        }
    }
}

class EntityBuildingResource {
    Object create() {
        return new Ledger();
    }
}

class EntityWritingResource {
    void credit(Ledger ledger, long amount) {
        ledger.balance += amount;
    }
}

class Borrower {
    String name() {
        return Foreign.NAME + new Foreign().toString();
    }
}
