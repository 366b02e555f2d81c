package kr.chamyeo.voting.ballot;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.jboss.logging.Logger;

import kr.chamyeo.platform.events.EventHandler;
import kr.chamyeo.platform.events.Outbox;
import kr.chamyeo.platform.events.ReceivedEvent;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.ballot.BallotEvents.BallotOpened;
import kr.chamyeo.voting.ballot.BallotEvents.BallotRejected;
import kr.chamyeo.voting.ballot.BallotEvents.BallotRequested;
import kr.chamyeo.voting.ballot.BallotEvents.RequestRef;
import kr.chamyeo.voting.election.ElectionStore;

/**
 * Opens ballots, from an officer's request or from another service's {@code BallotRequested}. A request is
 * answered with {@code BallotOpened} carrying its correlation id, or {@code BallotRejected} with the reason;
 * a repeated request (same correlation id) opens nothing new and is not answered again, because the first
 * answer was already committed to the outbox.
 */
@ApplicationScoped
public class BallotService implements EventHandler {

    private static final Logger LOG = Logger.getLogger(BallotService.class);

    @Inject
    BallotStore store;

    @Inject
    Outbox outbox;

    @Inject
    Validator validator;

    @Inject
    ElectionStore elections;

    /** One page of ballots with their state, read in one transaction so that each ballot's definition and state agree. */
    @Transactional
    public List<BallotView> list(String district, String status, int page, int size, Instant now) {
        return store.list(district, status, page, size).stream().map(listed -> BallotView.of(listed.ballot(), listed.state(), now)).toList();
    }

    @Transactional
    public Ballot create(BallotSpec spec) {
        UUID election = elections.readyFor(spec.ownerDistrict()).orElseThrow(() -> noElection(spec.ownerDistrict()));
        Ballot ballot = Ballot.define(UUID.randomUUID(), null, null, spec, Instant.now(), election);
        store.insert(ballot);
        outbox.publish(BallotEvents.BALLOTS, "BallotOpened", ballot.id().toString(), BallotOpened.of(ballot));
        return ballot;
    }

    @Override
    public String topic() {
        return BallotEvents.REQUESTS;
    }

    /** Ballots are asked for by the services that run the decisions: participatory budgets, autonomy councils and youth governance's contests. */
    @Override
    public Set<String> producers() {
        return Set.of("/chamyeo/budget-service", "/chamyeo/community-service", "/chamyeo/governance-service");
    }

    /** Runs in the consumer's transaction; never throws for a bad request, it answers it. */
    @Override
    public void handle(ReceivedEvent event) {
        if (!"BallotRequested".equals(event.type())) {
            return;
        }
        RequestRef ref = reference(event);
        String correlationId = ref.correlationId();
        String requester = ref.requester();
        if (correlationId == null || correlationId.isBlank()) {
            reject(event.id(), null, requester, "correlationId: must not be blank");
            return;
        }
        if (store.findByCorrelation(correlationId).isPresent()) {
            LOG.infof("Repeated BallotRequested %s (event %s): ballot already exists", correlationId, event.id());
            return;
        }
        Ballot ballot;
        try {
            BallotRequested request = event.dataAs(BallotRequested.class);
            BallotSpec spec = request.spec();
            Set<ConstraintViolation<BallotSpec>> violations = validator.validate(spec);
            if (!violations.isEmpty()) {
                reject(correlationId, correlationId, requester, violations.stream()
                        .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
                return;
            }
            UUID election = elections.readyFor(spec.ownerDistrict()).orElseThrow(() -> noElection(spec.ownerDistrict()));
            ballot = Ballot.define(UUID.randomUUID(), correlationId, requester, spec, Instant.now(), election);
        } catch (ProblemException e) {
            reject(correlationId, correlationId, requester, e.getMessage());
            return;
        } catch (IllegalArgumentException e) {
            reject(correlationId, correlationId, requester, "unreadable request: " + rootMessage(e));
            return;
        }
        // A concurrent replica may have stored the same correlation id since the check above.
        if (store.insert(ballot)) {
            outbox.publish(BallotEvents.BALLOTS, "BallotOpened", ballot.id().toString(), BallotOpened.of(ballot));
        }
    }

    /** Ballots are encrypted from the first vote on, so a ballot cannot open before its trustees hold a key. */
    private static ProblemException noElection(String district) {
        return ProblemException.conflict("no-election-key", "No trustees' election key is ready for district " + district
                + " or the city: trustees must complete a key ceremony before ballots open").with("ownerDistrict", district);
    }

    private void reject(String key, String correlationId, String requester, String reason) {
        outbox.publish(BallotEvents.BALLOTS, "BallotRejected", key, new BallotRejected(correlationId, requester, reason));
    }

    /** Who asked, read before the request itself so that even an unreadable request is answered (without a correlation id: none). */
    private static RequestRef reference(ReceivedEvent event) {
        try {
            return event.dataAs(RequestRef.class);
        } catch (IllegalArgumentException e) {
            return new RequestRef(null, null);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // Jackson quotes the whole input after a newline; the field and problem come first.
        int cut = message.indexOf('\n');
        return cut > 0 ? message.substring(0, cut) : message;
    }
}
