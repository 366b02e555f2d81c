package kr.chamyeo.voting.election;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kr.chamyeo.election.ElectionKey;
import kr.chamyeo.election.KeyCeremony;
import kr.chamyeo.election.KeyCeremony.Complaint;
import kr.chamyeo.election.KeyCeremony.Round1;
import kr.chamyeo.election.KeyCeremony.Round2;
import kr.chamyeo.election.KeyCeremony.TrusteeKey;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.StoredJson;
import kr.chamyeo.voting.election.Ceremony.Step;

/**
 * Stores the key ceremony's public messages after checking each with {@link KeyCeremony}: a message that fails its
 * public check is refused and changes nothing. The last round-2 message computes the election key; a complaint ends
 * the ceremony (the panel starts a new election without the accused trustee).
 */
@ApplicationScoped
public class CeremonyService {

    @Inject
    EntityManager em;

    @Inject
    StoredJson json;

    /** An election as anyone may read it: public material only. */
    public record ElectionView(UUID id, String title, String ownerDistrict, int threshold, int trusteeCount, String status,
                               String publicKey, String failure, List<SeatView> trustees) {
    }

    public record SeatView(int seat, String name, TrusteeKey key, Round1 round1, Round2 round2) {
    }

    @Transactional
    public ElectionView create(ElectionSpec spec) {
        int threshold = spec.thresholdOrDefault();
        if (threshold > spec.trustees().size()) {
            throw ProblemException.unprocessable("threshold", "must not exceed the number of trustees (" + spec.trustees().size() + ")");
        }
        if (spec.trustees().stream().map(ElectionSpec.Seat::subject).distinct().count() != spec.trustees().size()) {
            throw ProblemException.unprocessable("trustees", "each seat needs its own subject: one person holding two shares "
                    + "lowers the threshold");
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("insert into election (id, title, owner_district, threshold, trustees) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, id).setParameter(2, spec.title()).setParameter(3, spec.ownerDistrict()).setParameter(4, threshold)
                .setParameter(5, spec.trustees().size()).executeUpdate();
        for (int i = 0; i < spec.trustees().size(); i++) {
            em.createNativeQuery("insert into election_trustee (election_id, seat, name, subject) values (?1, ?2, ?3, ?4)")
                    .setParameter(1, id).setParameter(2, i + 1).setParameter(3, spec.trustees().get(i).name())
                    .setParameter(4, spec.trustees().get(i).subject()).executeUpdate();
        }
        return view(id);
    }

    @Transactional
    public ElectionView publishKey(UUID id, int seat, String subject, TrusteeKey key) {
        Ceremony ceremony = lock(id, seat, subject);
        ceremony.require(Step.KEY, seat, posted(id, seat, "key_message"));
        Ceremony.requireAddressed(id.toString(), seat, key.electionId(), key.index());
        if (!KeyCeremony.verify(key, id.toString(), ceremony.trustees())) {
            throw ProblemException.unprocessable("proof", "the proof of knowledge of the trustee key does not verify");
        }
        store(id, seat, "key_message", key);
        return view(id);
    }

    @Transactional
    public ElectionView publishRound1(UUID id, int seat, String subject, Round1 message) {
        Ceremony ceremony = lock(id, seat, subject);
        ceremony.require(Step.ROUND1, seat, posted(id, seat, "round1"));
        Ceremony.requireAddressed(id.toString(), seat, message.electionId(), message.trustee());
        if (!KeyCeremony.verify(message, id.toString(), ceremony.trustees(), threshold(id))) {
            throw ProblemException.unprocessable("commitments", "the round-1 message fails its public checks (commitments, proof "
                    + "of the constant term, one encrypted share for every other trustee)");
        }
        store(id, seat, "round1", message);
        return view(id);
    }

    /** Round 2 or complaints: complaints end the ceremony as FAILED, naming accuser, accused and reason. */
    @Transactional
    public ElectionView publishRound2(UUID id, int seat, String subject, Round2 message, List<Complaint> complaints) {
        Ceremony ceremony = lock(id, seat, subject);
        ceremony.require(Step.ROUND2, seat, posted(id, seat, "round2"));
        if (complaints != null && !complaints.isEmpty()) {
            StringBuilder failure = new StringBuilder();
            for (Complaint complaint : complaints) {
                Ceremony.requireAddressed(id.toString(), seat, complaint.electionId(), complaint.accuser());
                failure.append("seat ").append(complaint.accuser()).append(" refuses the share of seat ").append(complaint.accused())
                        .append(": ").append(complaint.reason()).append("; ");
            }
            em.createNativeQuery("update election set status = 'FAILED', failure = ?2 where id = ?1").setParameter(1, id)
                    .setParameter(2, failure.toString().strip()).executeUpdate();
            return view(id);
        }
        if (message == null) {
            throw ProblemException.unprocessable("round2", "post the round-2 message, or complaints");
        }
        Ceremony.requireAddressed(id.toString(), seat, message.electionId(), message.trustee());
        if (!KeyCeremony.verify(message, id.toString(), ceremony.round1())) {
            throw ProblemException.unprocessable("shareKey", "the verification key is not what the published commitments give for "
                    + "this seat, or its proof does not verify");
        }
        store(id, seat, "round2", message);
        Ceremony after = ceremony(id);
        if (after.round2().size() == after.trustees()) {
            ElectionKey key = KeyCeremony.electionKey(id.toString(), after.trustees(), threshold(id), after.keys(), after.round1(),
                    after.round2());
            em.createNativeQuery("update election set status = 'READY', public_key = ?2, ready_at = now() where id = ?1")
                    .setParameter(1, id).setParameter(2, key.publicKey()).executeUpdate();
        }
        return view(id);
    }

    public ElectionView view(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select title, owner_district, threshold, trustees, status, public_key, failure "
                + "from election where id = ?1").setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound("Election", id);
        }
        Object[] e = rows.get(0);
        @SuppressWarnings("unchecked")
        List<Object[]> seats = em.createNativeQuery("select seat, name, cast(key_message as text), cast(round1 as text), "
                + "cast(round2 as text) from election_trustee where election_id = ?1 order by seat").setParameter(1, id).getResultList();
        List<SeatView> trustees = new ArrayList<>(seats.size());
        for (Object[] s : seats) {
            trustees.add(new SeatView(((Number) s[0]).intValue(), (String) s[1], json.read((String) s[2], TrusteeKey.class),
                    json.read((String) s[3], Round1.class), json.read((String) s[4], Round2.class)));
        }
        return new ElectionView(id, (String) e[0], (String) e[1], ((Number) e[2]).intValue(), ((Number) e[3]).intValue(),
                (String) e[4], (String) e[5], (String) e[6], trustees);
    }

    /** A seat the caller holds. */
    public record SeatOf(UUID electionId, int seat) {
    }

    public List<SeatOf> seatsOf(String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select t.election_id, t.seat from election_trustee t join election e on e.id = t.election_id "
                + "where t.subject = ?1 and e.status <> 'FAILED' order by e.created_at").setParameter(1, subject).getResultList();
        return rows.stream().map(row -> new SeatOf((UUID) row[0], ((Number) row[1]).intValue())).toList();
    }

    public List<ElectionView> list(String district) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("select id from election where (cast(?1 as text) is null or owner_district = ?1 "
                + "or owner_district is null) order by created_at desc limit 100").setParameter(1, district).getResultList();
        return ids.stream().map(id -> view((UUID) id)).toList();
    }

    /** Serialises a ceremony's posts on the election row and checks that the caller holds the seat. */
    private Ceremony lock(UUID id, int seat, String subject) {
        @SuppressWarnings("unchecked")
        List<Object> holders = em.createNativeQuery("select t.subject from election e join election_trustee t on t.election_id = e.id "
                + "where e.id = ?1 and t.seat = ?2 for update of e").setParameter(1, id).setParameter(2, seat).getResultList();
        if (holders.isEmpty()) {
            throw ProblemException.notFound("Trustee seat " + seat + " of election", id);
        }
        if (!holders.get(0).equals(subject)) {
            throw ProblemException.forbidden("Only the trustee named for seat " + seat + " may publish its messages");
        }
        return ceremony(id);
    }

    private Ceremony ceremony(UUID id) {
        Object[] e = (Object[]) em.createNativeQuery("select status, trustees from election where id = ?1").setParameter(1, id)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        List<Object[]> seats = em.createNativeQuery("select cast(key_message as text), cast(round1 as text), cast(round2 as text) "
                + "from election_trustee where election_id = ?1 order by seat").setParameter(1, id).getResultList();
        List<TrusteeKey> keys = new ArrayList<>();
        List<Round1> round1 = new ArrayList<>();
        List<Round2> round2 = new ArrayList<>();
        for (Object[] s : seats) {
            add(keys, json.read((String) s[0], TrusteeKey.class));
            add(round1, json.read((String) s[1], Round1.class));
            add(round2, json.read((String) s[2], Round2.class));
        }
        return new Ceremony((String) e[0], ((Number) e[1]).intValue(), keys, round1, round2);
    }

    private int threshold(UUID id) {
        return ((Number) em.createNativeQuery("select threshold from election where id = ?1").setParameter(1, id).getSingleResult())
                .intValue();
    }

    private boolean posted(UUID id, int seat, String column) {
        return (Boolean) em.createNativeQuery("select " + column + " is not null from election_trustee where election_id = ?1 and seat = ?2")
                .setParameter(1, id).setParameter(2, seat).getSingleResult();
    }

    private void store(UUID id, int seat, String column, Object message) {
        em.createNativeQuery("update election_trustee set " + column + " = cast(?3 as jsonb) where election_id = ?1 and seat = ?2")
                .setParameter(1, id).setParameter(2, seat).setParameter(3, json.write(message)).executeUpdate();
    }

    private static <T> void add(List<T> list, T item) {
        if (item != null) {
            list.add(item);
        }
    }


}
