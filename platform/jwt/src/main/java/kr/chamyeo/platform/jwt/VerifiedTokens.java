package kr.chamyeo.platform.jwt;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Tokens that passed verification, each remembered until it expires but never longer than {@code maxAge}. The key
 * is the whole compact token, so only a byte-identical token that was itself verified is found; a changed
 * signature, header or claim is a different key and goes through full verification.
 *
 * <p>Each token is remembered for a random time between {@link #SPREAD} short of {@code maxAge} and {@code maxAge}.
 * With one fixed age, the tokens first seen together — every active resident's just after a deploy, or a vote's
 * opening rush — all fell due in the same second and came back in the same second after that, every time: a storm
 * of RS256 checks, and of JIT compilation with them, that took a quarter of the gateway's CPU while it lasted
 * (deploy/bench/gateway). Random ages spread them out from the first round on.
 */
final class VerifiedTokens {

    private static final double SPREAD = 0.2;

    /** A verified token, with what its one user in this process makes of it (see {@link CachingJwtParser#parse(String, Function)}). */
    static final class Remembered {

        private final JsonWebToken jwt;
        private final long until;
        private volatile Object description;

        private Remembered(JsonWebToken jwt, long until) {
            this.jwt = jwt;
            this.until = until;
        }

        JsonWebToken jwt() {
            return jwt;
        }

        /** Worked out once; two requests racing for it both work out the same, and either answer is kept. */
        @SuppressWarnings("unchecked")
        <T> T description(Function<JsonWebToken, T> describe) {
            Object known = description;
            if (known == null) {
                known = describe.apply(jwt);
                description = known;
            }
            return (T) known;
        }
    }

    private final Cache<String, Remembered> cache;
    private final long maxAgeSeconds;
    private final LongSupplier epochSeconds;
    private final DoubleSupplier random;

    VerifiedTokens(long maxEntries, Duration maxAge, LongSupplier epochSeconds) {
        this(maxEntries, maxAge, epochSeconds, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random values in [0, 1) that choose how far short of {@code maxAge} each token is remembered */
    VerifiedTokens(long maxEntries, Duration maxAge, LongSupplier epochSeconds, DoubleSupplier random) {
        this.maxAgeSeconds = maxAge.toSeconds();
        this.epochSeconds = epochSeconds;
        this.random = random;
        this.cache = Caffeine.newBuilder()
                .executor(Runnable::run)
                .maximumSize(maxEntries)
                // Frees the memory of tokens nobody sends again; find() decides what is still valid.
                .expireAfter(Expiry.<String, Remembered>creating((token, remembered) ->
                        Duration.ofSeconds(Math.max(0, remembered.until - epochSeconds.getAsLong()))))
                .build();
    }

    /** The verified token, or null when it was never verified here or is due for verification again. */
    Remembered find(String token) {
        Remembered remembered = cache.getIfPresent(token);
        return remembered == null || remembered.until <= epochSeconds.getAsLong() ? null : remembered;
    }

    Remembered remember(String token, JsonWebToken jwt) {
        long age = maxAgeSeconds - (long) (random.getAsDouble() * SPREAD * maxAgeSeconds);
        Remembered remembered = new Remembered(jwt, Math.min(jwt.getExpirationTime(), epochSeconds.getAsLong() + age));
        cache.put(token, remembered);
        return remembered;
    }

    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }
}
