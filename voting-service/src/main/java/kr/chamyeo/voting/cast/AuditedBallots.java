package kr.chamyeo.voting.cast;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import kr.chamyeo.election.BallotAudit;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.cast.BallotAuditResource.Audited;
import kr.chamyeo.voting.cast.BallotAuditResource.Opening;
import kr.chamyeo.voting.election.ElectionStore;

/** Benaloh's audit-or-cast on the board (PROTOCOL.md §4.5): an opened ballot is published and never cast afterwards. */
@ApplicationScoped
public class AuditedBallots {

    @Inject
    BallotStore ballots;

    @Inject
    ElectionStore elections;

    @Inject
    EntityManager em;

    /** Checks that the randomness opens the ballot and publishes it, unless it was cast (409). */
    @Transactional
    public Audited open(UUID id, Opening opening) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        if (!id.toString().equals(opening.ballot().ballotId())) {
            throw ProblemException.unprocessable("ballot.ballotId", "must be the id of this ballot (" + id + ")");
        }
        var key = elections.keys(ballot.electionId()).orElseThrow();
        int[] chosen = BallotAudit.open(opening.ballot(), key.publicKey(), ballot.options().size(), opening.randomness())
                .orElseThrow(() -> ProblemException.unprocessable("randomness", "does not open the ballot's ciphertexts under the "
                        + "election key to a selection"));
        String tracker = opening.ballot().tracker();
        // The vote writer checks audited ballots under this lock, so a ballot is never both opened and cast.
        em.createNativeQuery("select 1 from board_head where ballot_id = ?1 for update").setParameter(1, id).getResultList();
        boolean cast = !em.createNativeQuery("select 1 from board_entry where ballot_id = ?1 and tracker = ?2")
                .setParameter(1, id).setParameter(2, tracker).getResultList().isEmpty();
        if (cast) {
            throw ProblemException.conflict("ballot-cast", "This ballot was cast; a cast ballot is never opened");
        }
        em.createNativeQuery("insert into audited_ballot (ballot_id, tracker, choices) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, id).setParameter(2, tracker).setParameter(3, Arrays.toString(chosen).replace(" ", "")).executeUpdate();
        return new Audited(tracker, Arrays.stream(chosen).mapToObj(ballot::keyOf).toList());
    }

    public List<Audited> list(UUID id) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select tracker, choices from audited_ballot where ballot_id = ?1 order by tracker")
                .setParameter(1, id).getResultList();
        return rows.stream().map(row -> new Audited((String) row[0], Arrays.stream(((String) row[1]).replaceAll("[\\[\\]]", "").split(","))
                .filter(index -> !index.isEmpty()).map(index -> ballot.keyOf(Integer.parseInt(index))).toList())).toList();
    }
}
