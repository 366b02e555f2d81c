package kr.chamyeo.platform.jwt;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.Claims;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtContext;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.DefaultJWTTokenParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipal;
import io.smallrye.jwt.auth.principal.JWTCallerPrincipalFactory;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * SmallRye JWT's principal factory, verifying with SmallRye's own token parser as its default factory does, but
 * making principals that tell a custom claim from a standard one by a lookup. SmallRye's principal asks
 * {@code Claims.valueOf(name)}, which for a custom claim ({@code district}, {@code dong}, {@code birth_year},
 * {@code sex}) builds and throws an IllegalArgumentException and fills in its stack trace, as deep as the event
 * loop's, four times for every token verified. Tokens are verified in rushes (a vote's opening, the first minutes
 * after a deploy, every token of the rush falling due for verification again together), when that is paid by the
 * gateway and by each service at once.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TokenPrincipalFactory extends JWTCallerPrincipalFactory {

    /** The standard claims by name, for telling them from custom ones (also {@link ClaimsReadOnce}). */
    static final Map<String, Claims> STANDARD_CLAIMS = Arrays.stream(Claims.values())
            .collect(Collectors.toUnmodifiableMap(Claims::name, Function.identity()));

    private final DefaultJWTTokenParser parser = new DefaultJWTTokenParser();

    @Override
    public JWTCallerPrincipal parse(String token, JWTAuthContextInfo authContextInfo) throws ParseException {
        JwtContext verified = parser.parse(token, authContextInfo);
        return new TokenPrincipal(verified.getJoseObjects().get(0).getHeader("typ"), verified.getJwtClaims());
    }

    /** SmallRye's principal in every respect but how it finds a claim's type. */
    public static final class TokenPrincipal extends DefaultJWTCallerPrincipal {

        TokenPrincipal(String type, JwtClaims claims) {
            super(type, claims);
        }

        @Override
        protected Claims getClaimType(String name) {
            return STANDARD_CLAIMS.getOrDefault(name, Claims.UNKNOWN);
        }
    }
}
