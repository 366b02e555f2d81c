package kr.chamyeo.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that casts a secret vote: it leaves no audit record at all. A record per vote, whatever its
 * columns said, would carry its own arrival order (serial id, transaction id, physical position, WAL) next to the
 * gateway's log of the same request and the ballot box; without the actor it would still date each vote, and an hour
 * bucket in a column would not undo the order of the rows. Who voted is on the roll (keyed) and what was cast is on
 * the ballot's public board, which are the record of votes; the audit trail keeps recording everything else,
 * including who opened and closed ballots.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretBallot {
}
