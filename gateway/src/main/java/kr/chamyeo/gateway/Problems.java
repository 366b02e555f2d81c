package kr.chamyeo.gateway;

import io.vertx.core.json.JsonObject;

/** RFC 7807 bodies for the answers the gateway gives itself (502, 504, 404). */
final class Problems {

    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static String json(int status, String slug, String title, String detail, String instance) {
        return new JsonObject()
                .put("type", "https://chamyeo.seoul.kr/problems/" + slug)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", instance)
                .encode();
    }
}
