package kr.chamyeo.platform.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.security.GeneralSecurityException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;
import kr.chamyeo.platform.testing.TestTokens;

class TokenPrincipalFactoryTest {

    private final JWTAuthContextInfo context = context();

    @Test
    void verifiesAndReadsEveryClaimAsSmallRyesOwnFactory() throws Exception {
        String token = TestTokens.resident("resident-7", "11545", "독산1동", 1994, "F");

        JsonWebToken ours = new TokenPrincipalFactory().parse(token, context);
        JsonWebToken smallRyes = new DefaultJWTCallerPrincipalFactory().parse(token, context);

        assertInstanceOf(TokenPrincipalFactory.TokenPrincipal.class, ours);
        assertEquals(smallRyes.getClaimNames(), ours.getClaimNames());
        for (String name : smallRyes.getClaimNames()) {
            assertEquals(String.valueOf((Object) smallRyes.getClaim(name)), String.valueOf((Object) ours.getClaim(name)), name);
        }
        assertEquals("11545", String.valueOf((Object) ours.getClaim("district")));
        assertEquals("독산1동", String.valueOf((Object) ours.getClaim("dong")));
        assertEquals("1994", String.valueOf((Object) ours.getClaim("birth_year")));
        assertEquals(smallRyes.getGroups(), ours.getGroups());
        assertEquals(smallRyes.getName(), ours.getName());
        assertEquals(smallRyes.getRawToken(), ours.getRawToken());
        assertEquals(smallRyes.getExpirationTime(), ours.getExpirationTime());
    }

    @Test
    void refusesWhatSmallRyeRefuses() {
        TokenPrincipalFactory factory = new TokenPrincipalFactory();
        assertThrows(ParseException.class, () -> factory.parse(TestTokens.token("x", "RESIDENT").wronglySigned().sign(), context),
                "signed with another key");
        assertThrows(ParseException.class, () -> factory.parse(TestTokens.token("x", "RESIDENT").expired().sign(), context), "expired");
        assertThrows(ParseException.class, () -> factory.parse(TestTokens.token("x", "RESIDENT").issuer("https://elsewhere").sign(), context),
                "another issuer");
    }

    private static JWTAuthContextInfo context() {
        try {
            return new JWTAuthContextInfo(KeyUtils.decodePublicKey(Files.readString(TestTokens.publicKeyFile())), TestTokens.ISSUER);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
