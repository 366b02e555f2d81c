package kr.chamyeo.platform.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000L);

    @Test
    void aVerifiedTokenIsFoundUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), now::get);
        JsonWebToken jwt = expiringAt(now.get() + 60);
        tokens.remember("a.b.c", jwt);
        assertSame(jwt, tokens.find("a.b.c").jwt());
        now.addAndGet(60);
        assertNull(tokens.find("a.b.c"), "expired at exp, whatever the cache still holds");
    }

    @Test
    void aTokenIsVerifiedAgainAfterMaxAge() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), now::get, () -> 0);
        JsonWebToken jwt = expiringAt(now.get() + 3600);
        tokens.remember("a.b.c", jwt);
        now.addAndGet(299);
        assertSame(jwt, tokens.find("a.b.c").jwt());
        now.addAndGet(1);
        assertNull(tokens.find("a.b.c"), "due for verification again after five minutes");
    }

    @Test
    void tokensVerifiedTogetherFallDueOverTheLastFifthOfMaxAge() {
        VerifiedTokens tokens = new VerifiedTokens(2_000, Duration.ofMinutes(5), now::get);
        for (int i = 0; i < 1_000; i++) {
            tokens.remember("token-" + i, expiringAt(now.get() + 3600));
        }
        long start = now.get();
        now.set(start + 239);
        assertEquals(1_000, found(tokens), "none falls due before four minutes");
        now.set(start + 270);
        long halfway = found(tokens);
        assertTrue(halfway > 300 && halfway < 700, "about half still remembered at 4.5 minutes: " + halfway);
        now.set(start + 300);
        assertEquals(0, found(tokens), "all due at five minutes");
    }

    @Test
    void aTokensDescriptionIsWorkedOutOncePerVerification() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), now::get, () -> 0);
        JsonWebToken jwt = expiringAt(now.get() + 3600);
        tokens.remember("a.b.c", jwt);
        AtomicLong described = new AtomicLong();
        Function<JsonWebToken, String> describe = token -> token.getName() + "#" + described.incrementAndGet();
        assertEquals("resident-1#1", tokens.find("a.b.c").description(describe));
        assertEquals("resident-1#1", tokens.find("a.b.c").description(describe));
        now.addAndGet(300);
        assertNull(tokens.find("a.b.c"));
        tokens.remember("a.b.c", jwt);
        assertEquals("resident-1#2", tokens.find("a.b.c").description(describe), "a new verification, a new description");
    }

    @Test
    void onlyTheIdenticalTokenIsFound() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), now::get);
        tokens.remember("a.b.c", expiringAt(now.get() + 60));
        assertNull(tokens.find("a.b.d"));
        assertNull(tokens.find("a.b.c "));
    }

    @Test
    void theCacheStaysWithinItsSize() {
        VerifiedTokens tokens = new VerifiedTokens(100, Duration.ofMinutes(5), now::get);
        for (int i = 0; i < 1_000; i++) {
            tokens.remember("token-" + i, expiringAt(now.get() + 600));
        }
        assertTrue(tokens.size() <= 100, "size " + tokens.size());
    }

    private static long found(VerifiedTokens tokens) {
        long found = 0;
        for (int i = 0; i < 1_000; i++) {
            found += tokens.find("token-" + i) == null ? 0 : 1;
        }
        return found;
    }

    private static JsonWebToken expiringAt(long exp) {
        Map<String, Object> claims = Map.of("exp", exp, "sub", "resident-1");
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "resident-1";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
