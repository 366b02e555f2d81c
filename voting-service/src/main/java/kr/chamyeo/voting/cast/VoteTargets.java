package kr.chamyeo.voting.cast;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.election.ElectionStore;

/**
 * What a vote is checked against: the ballot and its election's public key. A replica remembers both once read
 * (BallotStore, ElectionStore); the first vote it sees for a ballot reads them here, off the event loop, in a
 * transaction of its own.
 */
@ApplicationScoped
public class VoteTargets {

    /** A ballot and the key it is encrypted under, both immutable once known. */
    public record Target(Ballot ballot, ECPoint publicKey) {
    }

    @Inject
    BallotStore ballots;

    @Inject
    ElectionStore elections;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Target read(UUID id) {
        Ballot found = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        return new Target(found, elections.keys(found.electionId()).orElseThrow().publicKey());
    }
}
