package kr.chamyeo.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * {@code Vary: Origin} on every answer: CORS makes an answer's Access-Control-Allow-Origin depend on the caller's
 * Origin, so a shared cache (a CDN, a browser's cache for a {@code public, max-age} export) that ignored it would hand
 * one site's answer, allowed for it, to another — or a refusal to an allowed one. Added to what the service already
 * varies on, never in place of it.
 */
@ApplicationScoped
class VaryOrigin {

    void routes(@Observes Router router) {
        router.route().order(-1000).handler(rc -> {
            rc.addHeadersEndHandler(ignored -> add(rc.response().headers()));
            rc.next();
        });
    }

    static void add(MultiMap headers) {
        String vary = headers.get(HttpHeaders.VARY);
        if (vary == null || vary.isBlank()) {
            headers.set(HttpHeaders.VARY, "Origin");
            return;
        }
        for (String name : vary.split(",")) {
            String token = name.strip();
            if (token.equals("*") || token.equalsIgnoreCase("Origin")) {
                return;
            }
        }
        headers.set(HttpHeaders.VARY, vary + ", Origin");
    }
}
