package kr.chamyeo.platform.jwt;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_800_000_000L);

    @Test
    void aVerifiedTokenIsFoundUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), now::get);
        JsonWebToken jwt = expiringAt(now.get() + 60);
        tokens.remember("a.b.c", jwt);
        assertSame(jwt, tokens.find("a.b.c"));
        now.addAndGet(60);
        assertNull(tokens.find("a.b.c"), "expired at exp, whatever the cache still holds");
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
        org.junit.jupiter.api.Assertions.assertTrue(tokens.size() <= 100, "size " + tokens.size());
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
