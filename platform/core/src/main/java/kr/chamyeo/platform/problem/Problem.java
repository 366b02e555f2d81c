package kr.chamyeo.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 7807 problem details. Every 4xx/5xx answer of every Chamyeo service has this shape, so front ends
 * and partner systems need one error parser. {@code extensions} carries rule-specific figures (for example
 * the totals that broke the 130% subcommittee rule) as top-level members, as RFC 7807 §3.2 allows. Its OpenAPI schema
 * is written once by {@link ProblemResponsesFilter}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<FieldError> errors,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://chamyeo.seoul.kr/problems/";

    public record FieldError(String field, String message) {
    }

    @JsonAnyGetter
    Map<String, Object> extensionMembers() {
        return extensions == null ? Map.of() : extensions;
    }

    public static Problem of(int status, String slug, String title, String detail, String instance,
                             List<FieldError> errors, Map<String, Object> extensions) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status, detail, instance,
                errors == null ? List.of() : errors,
                extensions == null ? Map.of() : new LinkedHashMap<>(extensions));
    }
}
