package kr.chamyeo.voting.election;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.ElectionKey;

/**
 * Elections as the counting and the casting need them: which ready election a new ballot is encrypted under,
 * its public key and the trustees' verification keys. Both never change once the ceremony is complete, so each
 * replica keeps them after the first read.
 */
@ApplicationScoped
public class ElectionStore {

    @Inject
    EntityManager em;

    private final Map<UUID, Keys> ready = new ConcurrentHashMap<>();

    /** A completed election's public material, and which token subject holds which seat. */
    public record Keys(ElectionKey key, ECPoint publicKey, Map<String, Integer> seatsBySubject) {

        public int threshold() {
            return key.threshold();
        }
    }

    /**
     * The election a new ballot of this district is encrypted under: the district's newest ready election, else the
     * newest ready city-wide one.
     */
    public Optional<UUID> readyFor(String district) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from election where status = 'READY' "
                        + "and (owner_district = ?1 or owner_district is null) order by owner_district nulls last, ready_at desc limit 1")
                .setParameter(1, district).getResultList();
        return ids.stream().findFirst().map(UUID.class::cast);
    }

    /** The keys if this replica already holds them, without asking the database. */
    public Optional<Keys> remembered(UUID electionId) {
        return Optional.ofNullable(ready.get(electionId));
    }

    /** The keys of a ready election; empty while its ceremony is not complete. */
    public Optional<Keys> keys(UUID electionId) {
        Keys known = ready.get(electionId);
        if (known != null) {
            return Optional.of(known);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select e.trustees, e.threshold, e.public_key, t.seat, t.subject, "
                + "t.round2 ->> 'shareKey' from election e join election_trustee t on t.election_id = e.id "
                + "where e.id = ?1 and e.status = 'READY' order by t.seat").setParameter(1, electionId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Integer> seats = new java.util.HashMap<>();
        List<String> shareKeys = new java.util.ArrayList<>();
        for (Object[] row : rows) {
            seats.put((String) row[4], ((Number) row[3]).intValue());
            shareKeys.add((String) row[5]);
        }
        Object[] first = rows.get(0);
        ElectionKey key = new ElectionKey(electionId.toString(), ((Number) first[0]).intValue(), ((Number) first[1]).intValue(),
                (String) first[2], shareKeys);
        Keys keys = new Keys(key, key.publicPoint(), Map.copyOf(seats));
        ready.put(electionId, keys);
        return Optional.of(keys);
    }
}
