package kr.chamyeo.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 7807 problem details. Every 4xx/5xx answer of every Chamyeo service has this shape, so front ends
 * and partner systems need one error parser. {@code extensions} carries rule-specific figures (for example
 * the totals that broke the 130% subcommittee rule) as top-level members, as RFC 7807 §3.2 allows.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 7807 problem details (오류 응답)")
public record Problem(
        @Schema(example = "https://chamyeo.seoul.kr/problems/validation") URI type,
        @Schema(example = "Invalid request") String title,
        @Schema(example = "422") int status,
        @Schema(example = "totalAmount: must be greater than 0") String detail,
        @Schema(example = "/api/v1/budget/cycles") String instance,
        List<FieldError> errors,
        @Schema(hidden = true) Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://chamyeo.seoul.kr/problems/";

    @Schema(name = "FieldError", description = "One broken rule of one field")
    public record FieldError(@Schema(example = "totalAmount") String field,
                             @Schema(example = "must be greater than 0") String message) {
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
