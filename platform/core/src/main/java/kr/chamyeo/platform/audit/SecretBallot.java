package kr.chamyeo.platform.audit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint whose caller must not be named in the audit trail (casting a vote): the record keeps the
 * action, time, role and district but not the subject, so the audit trail cannot become a list of who voted
 * when, next to a ballot box.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SecretBallot {
}
