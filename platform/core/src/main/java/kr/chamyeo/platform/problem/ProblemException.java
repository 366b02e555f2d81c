package kr.chamyeo.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A broken domain or access rule. Services throw it from plain domain classes; the REST layer turns it
 * into a problem+json answer, and because it is a RuntimeException the surrounding transaction rolls back,
 * so nothing already stored changes.
 */
public class ProblemException extends RuntimeException {

    /** The members every problem has (Problem); a figure of the same name would replace one of them. */
    private static final Set<String> RESERVED = Set.of("type", "title", "status", "detail", "instance", "errors");

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** 422: the request is well formed but breaks a rule; {@code field} names the offending input. */
    public static ProblemException unprocessable(String field, String rule) {
        return new ProblemException(422, "rule-violation", "Rule violated", field + ": " + rule,
                List.of(new Problem.FieldError(field, rule)));
    }

    public static ProblemException badRequest(String field, String rule) {
        return new ProblemException(400, "bad-request", "Bad request", field + ": " + rule,
                List.of(new Problem.FieldError(field, rule)));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null);
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail, null);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null);
    }

    /**
     * Adds a machine-readable figure to the answer, e.g. the totals that broke a ceiling. RFC 7807's own members are
     * refused: a ballot's {@code status} once replaced the HTTP status with a string, which no client could read.
     */
    public ProblemException with(String name, Object value) {
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException("'" + name + "' is a member of every problem; name the figure after what it is");
        }
        extensions.put(name, value);
        return this;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return Problem.of(status, slug, title, getMessage(), instance, errors, extensions);
    }
}
