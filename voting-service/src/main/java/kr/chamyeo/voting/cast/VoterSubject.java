package kr.chamyeo.voting.cast;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The one spelling of a voter's token subject that the roll's keyed hash is taken over (issue 23): one person, one
 * vote rests on {@code sub} alone, so two spellings of one subject must not make two voters. White space around it
 * is dropped and Unicode text is put in NFC. Letter case follows the identity provider
 * ({@code chamyeo.voting.subject-case}): Keycloak's subjects are lower-case UUIDs and its user names are folded to
 * lower case, so by default {@code User-1} and {@code user-1} are one voter; an identity provider whose subjects
 * differ only by case for different people (case-sensitive opaque ids) is configured {@code SENSITIVE}.
 */
public final class VoterSubject {

    /** How the identity provider compares subjects. */
    public enum Case { INSENSITIVE, SENSITIVE }

    private VoterSubject() {
    }

    public static String canonical(String subject, Case letterCase) {
        String text = Normalizer.normalize(subject.strip(), Normalizer.Form.NFC);
        return letterCase == Case.INSENSITIVE ? text.toLowerCase(Locale.ROOT) : text;
    }
}
