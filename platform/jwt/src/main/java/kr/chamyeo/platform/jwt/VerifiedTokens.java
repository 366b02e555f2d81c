package kr.chamyeo.platform.jwt;

import java.time.Duration;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Tokens that passed verification, each remembered until it expires but never longer than {@code maxAge}. The key
 * is the whole compact token, so only a byte-identical token that was itself verified is found; a changed
 * signature, header or claim is a different key and goes through full verification.
 */
final class VerifiedTokens {

    private final Cache<String, JsonWebToken> cache;
    private final LongSupplier epochSeconds;

    VerifiedTokens(long maxEntries, Duration maxAge, LongSupplier epochSeconds) {
        this.epochSeconds = epochSeconds;
        long maxAgeNanos = maxAge.toNanos();
        this.cache = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(maxEntries)
                .expireAfter(Expiry.<String, JsonWebToken>creating((token, jwt) ->
                        Duration.ofNanos(Math.min(maxAgeNanos, Math.max(0, Duration.ofSeconds(jwt.getExpirationTime()
                                - epochSeconds.getAsLong()).toNanos())))))
                .build();
    }

    /** The verified token, or null when it was never verified here or has expired since. */
    JsonWebToken find(String token) {
        JsonWebToken jwt = cache.getIfPresent(token);
        // Caffeine's expiry is checked against its own clock; the token's exp is the authority.
        return jwt == null || jwt.getExpirationTime() <= epochSeconds.getAsLong() ? null : jwt;
    }

    void remember(String token, JsonWebToken jwt) {
        cache.put(token, jwt);
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
