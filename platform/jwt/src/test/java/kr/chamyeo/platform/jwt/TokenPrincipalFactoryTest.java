package kr.chamyeo.platform.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

class TokenPrincipalFactoryTest {

    private static final String ISSUER = "https://chamyeo.local/test";

    private final KeyPair keys = rsa();
    private final JWTAuthContextInfo context = new JWTAuthContextInfo(keys.getPublic(), ISSUER);

    @Test
    void verifiesAndReadsEveryClaimAsSmallRyesOwnFactory() throws Exception {
        String token = sign(resident(10), keys);

        JsonWebToken ours = new TokenPrincipalFactory().parse(token, context);
        JsonWebToken smallRyes = new DefaultJWTCallerPrincipalFactory().parse(token, context);

        assertInstanceOf(TokenPrincipalFactory.TokenPrincipal.class, ours);
        assertEquals(smallRyes.getClaimNames(), ours.getClaimNames());
        for (String name : smallRyes.getClaimNames()) {
            assertEquals(String.valueOf((Object) smallRyes.getClaim(name)), String.valueOf((Object) ours.getClaim(name)), name);
        }
        assertEquals("11545", String.valueOf((Object) ours.getClaim("district")));
        assertEquals("1994", String.valueOf((Object) ours.getClaim("birth_year")));
        assertEquals(smallRyes.getGroups(), ours.getGroups());
        assertEquals(smallRyes.getName(), ours.getName());
        assertEquals(smallRyes.getRawToken(), ours.getRawToken());
        assertEquals(smallRyes.getExpirationTime(), ours.getExpirationTime());
    }

    @Test
    void refusesWhatSmallRyeRefuses() throws Exception {
        TokenPrincipalFactory factory = new TokenPrincipalFactory();
        assertThrows(ParseException.class, () -> factory.parse(sign(resident(10), rsa()), context), "signed with another key");
        assertThrows(ParseException.class, () -> factory.parse(sign(resident(-10), keys), context), "expired");
        JwtClaims elsewhere = resident(10);
        elsewhere.setIssuer("https://elsewhere");
        assertThrows(ParseException.class, () -> factory.parse(sign(elsewhere, keys), context), "another issuer");
    }

    private static JwtClaims resident(int minutesToExpiry) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setSubject("resident-7");
        claims.setClaim("upn", "resident-7");
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(minutesToExpiry);
        claims.setStringListClaim("groups", List.of("RESIDENT"));
        claims.setClaim("district", "11545");
        claims.setClaim("dong", "독산1동");
        claims.setClaim("birth_year", 1994);
        claims.setClaim("sex", "F");
        return claims;
    }

    private static String sign(JwtClaims claims, KeyPair keys) throws JoseException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(keys.getPrivate());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        return jws.getCompactSerialization();
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
