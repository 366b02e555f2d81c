package kr.chamyeo.e2e.signin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kr.chamyeo.e2e.support.Api;
import kr.chamyeo.e2e.support.Http;
import kr.chamyeo.e2e.support.Keycloak;
import kr.chamyeo.e2e.support.OpenApi;
import kr.chamyeo.e2e.support.Stack;
import kr.chamyeo.e2e.support.StackExtension;
import kr.chamyeo.e2e.support.Tokens;
import kr.chamyeo.e2e.support.Voting;

/**
 * Real sign-in (issue 26): demo users log in to the stack's Keycloak, which imported the versioned realm
 * (deploy/keycloak), and use its tokens — signed with Keycloak's own key, found only in its JWKS — through the gateway:
 * an officer of 금천구 opens a ballot, a resident votes once, and the realm's attributes decide eligibility. A token of
 * another realm of the same Keycloak, with the very same claims, is refused by the gateway and by the service.
 */
@ExtendWith(StackExtension.class)
class KeycloakSignInTest {

    @Test
    void anOfficerOpensABallotAndResidentsVoteWithKeycloakTokens(Api api) {
        Keycloak keycloak = new Keycloak(api.stack());
        String officer = keycloak.login("officer.geumcheon");
        JsonNode claims = Keycloak.part(officer, 1);
        assertEquals(api.stack().keycloakRealm(), claims.path("iss").asText(), claims.toString());
        assertTrue(contains(claims.path("groups"), "OFFICER"), "realm roles -> groups: " + claims);
        assertEquals("11545", claims.path("district").asText(), claims.toString());
        assertTrue(contains(claims.path("aud"), "chamyeo"), "audience mapper: " + claims);
        // Signed by Keycloak's generated realm key, not by the development key the realm also publishes.
        assertNotEquals(Keycloak.part(api.tokens().officer(Tokens.GEUMCHEON), 0).path("kid").asText(),
                Keycloak.part(officer, 0).path("kid").asText());

        Voting voting = new Voting(api, officer);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> spec = new HashMap<>(voting.spec("로그인 확인 투표 " + marker, List.of("yes", "no")));
        spec.put("eligibility", Map.of("districts", List.of(Tokens.GEUMCHEON), "dongs", List.of(), "minAge", 30));
        Http.Reply opened = Http.post(api.stack().gateway() + "/api/v1/voting/ballots", officer, spec);
        assertEquals(201, opened.status(), opened.toString());
        String ballot = opened.json().path("id").asText();

        String resident = keycloak.login("resident.doksan");
        JsonNode residentClaims = Keycloak.part(resident, 1);
        assertEquals("독산1동", residentClaims.path("dong").asText(), residentClaims.toString());
        assertEquals(1990, residentClaims.path("birth_year").asInt(), residentClaims.toString());
        assertEquals("F", residentClaims.path("sex").asText(), residentClaims.toString());
        Http.Reply cast = voting.vote(ballot, resident, "yes");
        assertEquals(201, cast.status(), cast.toString());
        assertEquals(64, cast.json().path("tracker").asText().length(), cast.toString());
        Http.Reply again = voting.vote(ballot, keycloak.login("resident.doksan"), "no");
        assertEquals(409, again.status(), "one vote per person, also with a fresh token: " + again);

        // Eligibility from the realm's user attributes: born 2006 is under 30; 강남구 is not 금천구.
        assertEquals(403, voting.vote(ballot, keycloak.login("resident.gasan"), "yes").status());
        assertEquals(403, voting.vote(ballot, keycloak.login("resident.yeoksam"), "yes").status());
        // 강남구's officer may not close 금천구's ballot.
        Http.Reply foreignClose = Http.post(api.stack().gateway() + "/api/v1/voting/ballots/" + ballot + "/close",
                keycloak.login("officer.gangnam"), Map.of("reason", "다른 구의 조기 마감 시도"));
        assertEquals(403, foreignClose.status(), foreignClose.toString());
    }

    @Test
    void aTokenOfAnotherRealmWithTheSameClaimsIsRefused(Api api) throws Exception {
        Stack stack = api.stack();
        Keycloak keycloak = new Keycloak(stack);
        keycloak.createRealm(elsewhere(stack));
        String foreign = keycloak.login("elsewhere", "chamyeo-web", "officer.geumcheon", Keycloak.DEMO_PASSWORD);
        JsonNode claims = Keycloak.part(foreign, 1);
        assertTrue(contains(claims.path("groups"), "OFFICER") && "11545".equals(claims.path("district").asText())
                && contains(claims.path("aud"), "chamyeo"), "the same claims as the chamyeo realm's officer: " + claims);

        Map<String, Object> spec = new Voting(api, foreign).spec("다른 realm " + UUID.randomUUID(), List.of("yes", "no"));
        Http.Reply viaGateway = Http.post(stack.gateway() + "/api/v1/voting/ballots", foreign, spec);
        assertEquals(401, viaGateway.status(), viaGateway.toString());
        assertTrue(viaGateway.problem(), viaGateway.toString());
        Http.Reply direct = Http.post(stack.direct("voting") + "/api/v1/voting/ballots", foreign, spec);
        assertEquals(401, direct.status(), "the service verifies tokens itself: " + direct);

        // The chamyeo realm's own officer is accepted by both, so the refusals above are the realm's doing.
        String officer = keycloak.login("officer.geumcheon");
        assertEquals(200, Http.get(stack.gateway() + "/api/v1/voting/audit?district=11545", officer).status());
        assertEquals(200, Http.get(stack.direct("voting") + "/api/v1/voting/audit?district=11545", officer).status());
    }

    @Test
    void aResidentCannotChangeTheirDistrictOrBirthYearInKeycloak(Api api) {
        Keycloak keycloak = new Keycloak(api.stack());
        String account = api.stack().keycloakRealm() + "/account/";
        String resident = keycloak.login("resident.doksan");
        Http.Reply me = Http.get(account, resident);
        assertEquals(200, me.status(), me.toString());
        ObjectNode changed = (ObjectNode) me.json().deepCopy();
        ObjectNode attributes = changed.get("attributes") instanceof ObjectNode own ? own : changed.putObject("attributes");
        attributes.putArray("district").add("11680");
        attributes.putArray("birth_year").add("1950");
        Http.Reply update = Http.post(account, resident, changed);
        assertEquals(400, update.status(), "the user profile makes district and birth_year admin-only: " + update);

        JsonNode after = Keycloak.part(keycloak.login("resident.doksan"), 1);
        assertEquals("11545", after.path("district").asText(), after.toString());
        assertEquals(1990, after.path("birth_year").asInt(), after.toString());
    }

    /** The versioned realm as a second realm "elsewhere" (its own keys and issuer) with the 금천구 officer in it. */
    private static JsonNode elsewhere(Stack stack) throws Exception {
        ObjectNode realm = (ObjectNode) OpenApi.JSON.readTree(Files.readString(stack.root().resolve("deploy/keycloak/chamyeo-realm.json")));
        realm.put("realm", "elsewhere");
        for (JsonNode client : realm.path("clients")) {
            ((ObjectNode) client).put("directAccessGrantsEnabled", true);
        }
        ArrayNode users = realm.putArray("users");
        for (JsonNode user : OpenApi.JSON.readTree(Files.readString(stack.root().resolve("deploy/keycloak/demo-users.json"))).path("users")) {
            if (user.path("username").asText().equals("officer.geumcheon")) {
                ObjectNode copy = user.deepCopy();
                copy.putArray("realmRoles").add("OFFICER");
                users.add(copy);
            }
        }
        return realm;
    }

    private static boolean contains(JsonNode values, String value) {
        if (values.isTextual()) {
            return values.asText().equals(value);
        }
        for (JsonNode v : values) {
            if (v.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
