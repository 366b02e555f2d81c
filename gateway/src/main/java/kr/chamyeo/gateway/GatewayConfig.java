package kr.chamyeo.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "chamyeo.gateway")
public interface GatewayConfig {

    /** Service name (the path segment after /api/v1/) → base URL of that service. */
    Map<String, URI> services();

    /** How long an upstream may take before the gateway answers 504. */
    @WithDefault("30s")
    Duration timeout();

    /** How long the combined OpenAPI document is reused before the services are asked again. */
    @WithDefault("30s")
    Duration openapiCache();

    /** How long access-log lines may wait before they are written (they are written sooner when 32 KiB have gathered). */
    @WithDefault("1s")
    Duration accessLogFlush();

    /**
     * Key of the access log's caller tags (HMAC-SHA256 of the token subject), at least 32 characters. Production has
     * no default: without {@code CHAMYEO_GATEWAY_LOG_SECRET} the gateway does not start.
     */
    String logSecret();
}
