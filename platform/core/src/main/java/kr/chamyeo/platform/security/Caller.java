package kr.chamyeo.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.platform.text.KoreanText;

/**
 * Who is calling, from the verified JWT. District checks live here so that every service enforces the same
 * rule itself instead of trusting the gateway: an officer, committee member or partner system acts only in
 * the district named by its token; a city administrator acts everywhere.
 */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken jwt;

    public boolean authenticated() {
        return jwt != null && jwt.getRawToken() != null;
    }

    public String subject() {
        return authenticated() ? jwt.getSubject() : null;
    }

    public Set<String> roles() {
        return authenticated() && jwt.getGroups() != null ? jwt.getGroups() : Set.of();
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean isCityAdmin() {
        return hasRole(Roles.CITY_ADMIN);
    }

    /** The caller's 시군구 code, if the token carries one. */
    public Optional<String> district() {
        return claim("district");
    }

    /** The caller's 동 as every service stores it (NFC, no white space: {@link KoreanText#dong}). */
    public Optional<String> dong() {
        return claim("dong").map(KoreanText::dong);
    }

    public Optional<Integer> birthYear() {
        return claim("birth_year").flatMap(v -> {
            try {
                return Optional.of(Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    /** "F" or "M" as issued by the identity provider. */
    public Optional<String> sex() {
        return claim("sex");
    }

    /** The caller's main role, for audit records. */
    public String primaryRole() {
        for (String role : new String[] {Roles.CITY_ADMIN, Roles.OFFICER, Roles.PARTNER, Roles.COMMITTEE, Roles.RESIDENT}) {
            if (hasRole(role)) {
                return role;
            }
        }
        return authenticated() ? "AUTHENTICATED" : "ANONYMOUS";
    }

    /** True when the caller may act on data of {@code districtCode} with one of {@code roles} (city admins always may). */
    public boolean actsFor(String districtCode, String... roles) {
        if (isCityAdmin()) {
            return true;
        }
        for (String role : roles) {
            if (hasRole(role) && district().filter(d -> d.equals(districtCode)).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Throws 403 unless {@link #actsFor} holds. */
    public void requireDistrict(String districtCode, String... roles) {
        if (!actsFor(districtCode, roles)) {
            throw ProblemException.forbidden("Only " + String.join("/", roles)
                    + " of district " + districtCode + " (or CITY_ADMIN) may do this");
        }
    }

    private Optional<String> claim(String name) {
        if (!authenticated()) {
            return Optional.empty();
        }
        Object value = jwt.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString js ? js.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
