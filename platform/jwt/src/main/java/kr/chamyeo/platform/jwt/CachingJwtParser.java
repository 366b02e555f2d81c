package kr.chamyeo.platform.jwt;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.function.Function;

import javax.crypto.SecretKey;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT's parser with a memory of tokens it has already verified. A resident's app sends the same bearer
 * token for the ballot list, the ballot, the vote and the receipt, and the gateway and the service each check it:
 * parsing the claims and checking the RS256 signature cost more CPU than the rest of a vote, so each token pays
 * them once per process until it expires (the cache Envoy's {@code jwt_authn} filter keeps for the same reason).
 * Verification itself — keys, JWKS, issuer, audience, expiry, clock skew — stays SmallRye JWT's.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    @Inject
    DefaultJWTParser verifier;

    @ConfigProperty(name = "chamyeo.jwt.cache.max-entries", defaultValue = "50000")
    long maxEntries;

    @ConfigProperty(name = "chamyeo.jwt.cache.max-age", defaultValue = "5M")
    Duration maxAge;

    @Inject
    MeterRegistry registry;

    private VerifiedTokens verified;
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void init() {
        verified = new VerifiedTokens(maxEntries, maxAge, () -> System.currentTimeMillis() / 1000);
        registry.gauge("chamyeo.jwt.cache.size", verified, VerifiedTokens::size);
        hits = registry.counter("chamyeo.jwt.tokens", "check", "remembered");
        misses = registry.counter("chamyeo.jwt.tokens", "check", "verified");
    }

    /** The longest a verified token is remembered before it is verified again. */
    public Duration maxAge() {
        return maxAge;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return remembered(token).jwt();
    }

    /**
     * What {@code describe} makes of the verified token, worked out once per verification and remembered with the
     * token: the gateway's caller (access-log name and rate-limit buckets) costs no lookup of its own. One process
     * has one such description, so every call passes the same function.
     */
    public <T> T parse(String token, Function<JsonWebToken, T> describe) throws ParseException {
        return remembered(token).description(describe);
    }

    private VerifiedTokens.Remembered remembered(String token) throws ParseException {
        VerifiedTokens.Remembered known = verified.find(token);
        if (known != null) {
            hits.increment();
            return known;
        }
        misses.increment();
        return verified.remember(token, new ClaimsReadOnce(verifier.parse(token)));
    }

    // Calls with their own context or keys are rare (tests, tools) and bypass the memory.

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
