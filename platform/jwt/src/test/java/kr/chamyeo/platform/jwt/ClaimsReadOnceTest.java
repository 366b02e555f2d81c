package kr.chamyeo.platform.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;

class ClaimsReadOnceTest {

    @Test
    void readsTheSameClaimsAsSmallRyesPrincipal() {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("resident-7");
        claims.setIssuer("https://chamyeo.local/dev");
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setStringListClaim("groups", List.of("RESIDENT"));
        claims.setClaim("district", "11545");
        claims.setClaim("dong", "1154551000");
        claims.setClaim("birth_year", 1994);
        claims.setClaim("sex", "F");
        JsonWebToken principal = new DefaultJWTCallerPrincipal(claims);

        JsonWebToken token = new ClaimsReadOnce(principal);

        for (String name : List.of("district", "dong", "birth_year", "sex", "sub", "iss", "exp", "groups")) {
            assertEquals(String.valueOf((Object) principal.getClaim(name)), String.valueOf((Object) token.getClaim(name)), name);
        }
        assertEquals("resident-7", token.getSubject());
        assertEquals(Set.of("RESIDENT"), token.getGroups());
        assertThrows(UnsupportedOperationException.class, () -> token.getGroups().add("CITY_ADMIN"),
                "the remembered token's groups are shared by its later requests");
        assertEquals(principal.getExpirationTime(), token.getExpirationTime());
        assertEquals(principal.getName(), token.getName());
        assertEquals(principal.getClaimNames(), token.getClaimNames());
        assertNull(token.getClaim("ward"));
    }

    @Test
    void claimsAreAskedOfTheVerifiedTokenOnlyOnce() {
        Map<String, Integer> reads = new HashMap<>();
        JsonWebToken counting = new JsonWebToken() {
            @Override
            public String getName() {
                return "resident-7";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub", "district", "exp", "iss");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                reads.merge(name, 1, Integer::sum);
                return (T) Map.of("sub", "resident-7", "district", "11545", "exp", 1_796_000_000L, "iss", "https://chamyeo.local/dev").get(name);
            }
        };

        JsonWebToken token = new ClaimsReadOnce(counting);
        for (int i = 0; i < 100; i++) {
            assertEquals("11545", token.getClaim("district"));
            assertEquals("resident-7", token.getSubject());
            assertEquals(1_796_000_000L, token.getExpirationTime());
            assertEquals("https://chamyeo.local/dev", token.getIssuer());
        }

        assertEquals(1, reads.get("district"));
        assertEquals(1, reads.get("sub"));
        assertEquals(1, reads.get("exp"));
        assertEquals(100, reads.get("iss"), "claims no request asks for each time are still the verified token's own");
    }
}
