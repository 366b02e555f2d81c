package kr.chamyeo.platform.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
        assertEquals(principal.getName(), token.getName());
        assertEquals(principal.getClaimNames(), token.getClaimNames());
        assertNull(token.getClaim("ward"));
    }

    @Test
    void aCustomClaimIsAskedOfTheVerifiedTokenOnlyOnce() {
        Map<String, Integer> reads = new HashMap<>();
        JsonWebToken counting = new JsonWebToken() {
            @Override
            public String getName() {
                return "resident-7";
            }

            @Override
            public Set<String> getClaimNames() {
                return Set.of("sub", "district");
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                reads.merge(name, 1, Integer::sum);
                return (T) Map.of("sub", "resident-7", "district", "11545").get(name);
            }
        };

        JsonWebToken token = new ClaimsReadOnce(counting);
        for (int i = 0; i < 100; i++) {
            assertEquals("11545", token.getClaim("district"));
            assertEquals("resident-7", token.getSubject());
        }

        assertEquals(1, reads.get("district"));
        assertEquals(100, reads.get("sub"), "standard claims are still the verified token's own");
    }
}
