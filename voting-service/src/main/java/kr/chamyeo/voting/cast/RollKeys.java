package kr.chamyeo.voting.cast;

import java.nio.ByteBuffer;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import kr.chamyeo.platform.jwt.SubjectHash;

/**
 * The roll's keyed voter hash. The roll holds HMAC-SHA256(secret, ballot id ‖ subject), the subject in its one
 * spelling ({@link VoterSubject}): stable per person and ballot, so a second vote collides on the roll's primary key,
 * yet without the secret nobody can test a subject against it, and the same person's rows in two ballots do not match.
 */
@ApplicationScoped
public class RollKeys {

    private final SubjectHash hash;
    private final VoterSubject.Case letterCase;

    public RollKeys(@ConfigProperty(name = "chamyeo.voting.roll-secret") String secret,
                    @ConfigProperty(name = "chamyeo.voting.subject-case", defaultValue = "INSENSITIVE") VoterSubject.Case letterCase) {
        hash = new SubjectHash(secret, "chamyeo.voting.roll-secret");
        this.letterCase = letterCase;
    }

    public byte[] voterHash(UUID ballotId, String subject) {
        return hash.of(ByteBuffer.allocate(16).putLong(ballotId.getMostSignificantBits()).putLong(ballotId.getLeastSignificantBits())
                .array(), VoterSubject.canonical(subject, letterCase));
    }
}
