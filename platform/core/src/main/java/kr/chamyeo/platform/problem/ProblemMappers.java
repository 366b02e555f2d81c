package kr.chamyeo.platform.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpServerRequest;

/**
 * Turns every failure into RFC 7807 problem+json. Bad input never surfaces as a 500 or a stack trace:
 * syntax and type errors are 400, broken rules 422, access 401/403, stale writes 409, an unreachable
 * database 503 (so clients retry instead of hanging).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return respond(e.toProblem(request.path()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        String detail = errors.stream().map(fe -> fe.field() + ": " + fe.message()).collect(Collectors.joining("; "));
        return respond(Problem.of(422, "validation", "Invalid request", detail, request.path(), errors, null));
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, HttpServerRequest request) {
        return respond(jsonProblem(e, request.path()));
    }

    /** Registered for the exact type so it wins over quarkus-rest-jackson's built-in plain-JSON mapper. */
    @ServerExceptionMapper(priority = 1)
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return respond(jsonProblem(e, request.path()));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request, ResourceInfo resource, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException jpe) {
            return respond(jsonProblem(jpe, request.path()));
        }
        if (e instanceof NotFoundException && e.getCause() != null && resource.getResourceMethod() != null) {
            // A matched resource method whose path or query value did not convert: malformed input, not a missing resource.
            Optional<Problem> malformed = MalformedParameters.find(resource.getResourceMethod(), uri, request.path());
            if (malformed.isPresent()) {
                return respond(malformed.get());
            }
        }
        int status = e.getResponse().getStatus();
        String reason = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + request.path();
            case 405 -> request.method() + " is not allowed on " + request.path();
            case 406 -> "This resource answers application/json only";
            case 413 -> "Request body is larger than the limit";
            case 415 -> "Content-Type must be application/json";
            default -> status >= 500 ? reason : safeMessage(e, reason);
        };
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, slug(reason), reason, detail, request.path(), null, null));
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            response.header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW));
        }
        return response.build();
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(Problem.of(401, "unauthorized", "Unauthorized",
                        "A valid bearer token (JWT) is required", request.path(), null, null))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return respond(Problem.of(403, "forbidden", "Forbidden",
                "Your role does not allow this operation", request.path(), null, null));
    }

    @ServerExceptionMapper({OptimisticLockException.class, org.hibernate.StaleStateException.class})
    public Response stale(RuntimeException e, HttpServerRequest request) {
        return respond(Problem.of(409, "concurrent-update", "Conflict",
                "The resource was changed by another request; read it again and retry", request.path(), null, null));
    }

    @ServerExceptionMapper
    public Response dataConflict(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        return respond(Problem.of(409, "data-conflict", "Conflict",
                "The request conflicts with data already stored", request.path(), null, null));
    }

    @ServerExceptionMapper
    public Response any(Throwable e, HttpServerRequest request) {
        if (DatabaseFailures.isUnreachable(e)) {
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, "5")
                    .entity(Problem.of(503, "unavailable", "Service unavailable",
                            "The database is unreachable; retry shortly", request.path(), null, null))
                    .build();
        }
        LOG.errorf(e, "Unhandled error on %s %s", request.method(), request.path());
        return respond(Problem.of(500, "internal", "Internal error",
                "The request could not be completed", request.path(), null, null));
    }

    static Problem jsonProblem(JsonProcessingException e, String instance) {
        String field = e instanceof JsonMappingException jme ? pathOf(jme.getPath()) : "";
        String rule;
        if (e instanceof PropertyBindingException pbe) {
            field = field.isEmpty() ? pbe.getPropertyName() : field;
            rule = "unknown field";
        } else if (e instanceof InvalidFormatException ife && ife.getTargetType() != null && ife.getTargetType().isEnum()) {
            rule = "must be one of " + Arrays.toString(ife.getTargetType().getEnumConstants());
        } else if (e instanceof MismatchedInputException mie && mie.getTargetType() != null) {
            rule = "must be of type " + friendlyType(mie.getTargetType());
        } else {
            rule = "malformed JSON (" + firstLine(e.getOriginalMessage()) + ")";
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String name = field.isEmpty() ? "body" : field;
        errors.add(new Problem.FieldError(name, rule));
        return Problem.of(400, "malformed-request", "Malformed request", name + ": " + rule, instance, errors, null);
    }

    private static String friendlyType(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number (" + type.getSimpleName() + ")";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class) {
            return "string";
        }
        return type.isRecord() || !type.getName().startsWith("java.") ? "object" : type.getSimpleName();
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** "create.request.items[0].amount" → "items[0].amount": clients know fields, not Java methods. */
    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder sb = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null) {
                sb.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                sb.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null && node.getKind() != ElementKind.CONTAINER_ELEMENT) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(node.getName());
            }
        }
        if (sb.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return sb.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable body";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    private static String safeMessage(WebApplicationException e, String fallback) {
        String message = e.getMessage();
        if (message == null || message.startsWith("HTTP ") || message.contains("Exception")) {
            return fallback;
        }
        return firstLine(message);
    }

    private static String slug(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
