package kr.chamyeo.platform.problem;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.event.Observes;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body larger than {@code quarkus.http.limits.max-body-size} with problem+json before it is read;
 * Vert.x's own refusal would be a bare 413.
 */
@jakarta.inject.Singleton
public class BodyLimitFilter {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    MemorySize limit;

    @Inject
    ObjectMapper mapper;

    void register(@Observes Router router) {
        // Runs before Quarkus' own body handler, which would answer with a bare 413.
        router.route().order(Integer.MIN_VALUE).handler(this::limit);
    }

    void limit(RoutingContext rc) {
        String length = rc.request().getHeader("Content-Length");
        if (length != null && isOver(length)) {
            Problem problem = Problem.of(413, "payload-too-large", "Payload too large",
                    "Request body is larger than " + limit.asLongValue() + " bytes", rc.request().path(), null, null);
            rc.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close")
                    .end(toJson(problem));
            return;
        }
        rc.next();
    }

    private String toJson(Problem problem) {
        try {
            return mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean isOver(String length) {
        try {
            return Long.parseLong(length.trim()) > limit.asLongValue();
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
