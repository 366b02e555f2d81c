package kr.chamyeo.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The OIDC issuer of {@code infrastructure/keycloak} (issue 26): the KeycloakRealmImport is the versioned realm
 * ({@code deploy/keycloak/chamyeo-realm.json}, which the local stack and the end-to-end test run), its roles and
 * claims are the ones the services read, and the Secret {@code chamyeo-oidc} the README tells operators to create
 * points the apps at this Keycloak: its in-cluster JWKS on a port the apps' network policy opens, its issuer, the
 * realm's audience.
 */
class KeycloakManifestsTest {

    static final Rendered KEYCLOAK = Rendered.of("infrastructure/keycloak");
    static final Path REALM = Rendered.K8S.resolve("../keycloak/chamyeo-realm.json");
    static final String WEB_CLIENT = "chamyeo-web";
    /** The web client's fields that name the front end: the developer's localhost in the file, the public host here. */
    static final List<String> FRONT_END_FIELDS = List.of("rootUrl", "redirectUris", "webOrigins");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theRealmImportIsTheVersionedRealmForTheKeycloakBesideIt() throws IOException {
        GenericKubernetesResource keycloak = one("Keycloak");
        GenericKubernetesResource realmImport = one("KeycloakRealmImport");
        assertEquals(keycloak.getMetadata().getName(), ManifestsTest.spec(realmImport).get("keycloakCRName"));
        assertEquals("keycloak", keycloak.getMetadata().getNamespace(), "base/network lets the apps reach namespace keycloak");
        assertEquals(keycloak.getMetadata().getNamespace(), realmImport.getMetadata().getNamespace());

        ObjectNode imported = (ObjectNode) importedRealm();
        ObjectNode versioned = (ObjectNode) JSON.readTree(Files.readString(REALM));
        ObjectNode importedWeb = client(imported, WEB_CLIENT);
        ObjectNode versionedWeb = client(versioned, WEB_CLIENT);
        // The public front end is the origin the gateway admits by CORS, in every front-end field.
        String origin = frontEnd();
        assertEquals(origin, importedWeb.path("rootUrl").asText());
        assertEquals(List.of(origin + "/*"), texts(importedWeb.path("redirectUris")));
        assertEquals(List.of(origin), texts(importedWeb.path("webOrigins")));
        assertEquals(origin + "/*", importedWeb.path("attributes").path("post.logout.redirect.uris").asText());
        for (ObjectNode web : List.of(importedWeb, versionedWeb)) {
            web.remove(FRONT_END_FIELDS);
            ((ObjectNode) web.path("attributes")).remove("post.logout.redirect.uris");
        }
        assertEquals(versioned, imported, "chamyeo-realm-import.yaml is out of date: run deploy/keycloak/make-realm-import.sh");
    }

    @Test
    void theClusterRealmHasNoDemoUsersAndOnlyTheBrowserFlowWithPkce() {
        JsonNode realm = importedRealm();
        assertTrue(realm.path("users").isMissingNode(), "demo users (password chamyeo) are for the local stack only");
        assertFalse(realm.path("registrationAllowed").asBoolean(true), "residents are not self-registered: their district and age are verified");
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + ": no password grant in the cluster");
            assertFalse(client.path("implicitFlowEnabled").asBoolean(true), id);
            if (client.path("publicClient").asBoolean()) {
                assertEquals("S256", client.path("attributes").path("pkce.code.challenge.method").asText(), id + " needs PKCE");
            }
        }
    }

    @Test
    void realmRolesAreTheRolesTheServicesCheck() throws IOException {
        Set<String> inCode = new TreeSet<>();
        Matcher constants = Pattern.compile("public static final String \\w+ = \"([A-Z_]+)\";")
                .matcher(Files.readString(Rendered.K8S.resolve("../../platform/core/src/main/java/kr/chamyeo/platform/security/Roles.java")));
        while (constants.find()) {
            inCode.add(constants.group(1));
        }
        Matcher trustee = Pattern.compile("String ROLE = \"([A-Z_]+)\";")
                .matcher(Files.readString(Rendered.K8S.resolve("../../voting-service/src/main/java/kr/chamyeo/voting/election/Trustees.java")));
        assertTrue(trustee.find(), "voting-service's trustee role");
        inCode.add(trustee.group(1));
        Set<String> inRealm = new TreeSet<>();
        importedRealm().path("roles").path("realm").forEach(role -> inRealm.add(role.path("name").asText()));
        assertEquals(inCode, inRealm);
    }

    @Test
    void tokensCarryTheClaimsThePlatformReadsFromAttributesOnlyAdministratorsEdit() throws IOException {
        JsonNode realm = importedRealm();
        JsonNode mappers = client((ObjectNode) realm, WEB_CLIENT).path("protocolMappers");
        JsonNode roles = mapper(mappers, "oidc-usermodel-realm-role-mapper", "groups");
        assertEquals("true", roles.path("config").path("multivalued").asText());
        assertEquals("true", roles.path("config").path("access.token.claim").asText());
        Map<String, String> types = Map.of("district", "String", "dong", "String", "birth_year", "int", "sex", "String");
        JsonNode profile = JSON.readTree(realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").get(0)
                .path("config").path("kc.user.profile.config").get(0).asText());
        types.forEach((claim, type) -> {
            JsonNode m = mapper(mappers, "oidc-usermodel-attribute-mapper", claim);
            assertEquals(claim, m.path("config").path("user.attribute").asText(), claim);
            assertEquals(type, m.path("config").path("jsonType.label").asText(), claim);
            assertEquals("true", m.path("config").path("access.token.claim").asText(), claim);
            JsonNode attribute = null;
            for (JsonNode a : profile.path("attributes")) {
                attribute = a.path("name").asText().equals(claim) ? a : attribute;
            }
            assertNotNull(attribute, claim + " is not in the user profile (unmanaged attributes are dropped)");
            assertEquals(List.of("admin"), texts(attribute.path("permissions").path("edit")),
                    claim + ": a resident must not change their own district, dong, age or sex (issue 23)");
        });
        assertEquals(readmeOidc().get("audiences"), audience(mappers));
    }

    @Test
    void theAppsAreToldToTrustThisKeycloakThroughItsInClusterJwks() {
        GenericKubernetesResource keycloak = one("Keycloak");
        Map<String, Object> spec = ManifestsTest.spec(keycloak);
        Map<String, Object> http = ManifestsTest.map(spec.get("http"));
        assertEquals(Boolean.TRUE, http.get("httpEnabled"), "the apps fetch the keys over the cluster network on the HTTP port");
        String realm = importedRealm().path("realm").asText();
        Map<String, String> oidc = readmeOidc();
        // The operator's Service is <name>-service; base/network/oidc.yaml opens 8080 and 8443 to namespace keycloak.
        assertEquals("http://" + keycloak.getMetadata().getName() + "-service." + keycloak.getMetadata().getNamespace()
                + ".svc:" + http.get("httpPort") + "/realms/" + realm + "/protocol/openid-connect/certs", oidc.get("jwks-url"));
        assertTrue(List.of(8080, 8443).contains(http.get("httpPort")), "a port the apps' egress policy opens");
        assertEquals(ManifestsTest.map(spec.get("hostname")).get("hostname") + "/realms/" + realm, oidc.get("issuer"),
                "tokens name the public hostname as their issuer");
        Map<String, Object> db = ManifestsTest.map(spec.get("db"));
        GenericKubernetesResource database = KEYCLOAK.custom("Cluster").findFirst().orElseThrow();
        assertEquals(database.getMetadata().getName() + "-rw", db.get("host"));
        assertEquals(database.getMetadata().getName() + "-app", ManifestsTest.map(db.get("usernameSecret")).get("name"),
                "CloudNativePG's Secret of the cluster's owner");
    }

    /** The production front end: the one origin the gateway admits by CORS. */
    private static String frontEnd() {
        return ManifestsTest.PROD.one(ConfigMap.class, "gateway").getData().get("CHAMYEO_CORS_ORIGINS");
    }

    private static GenericKubernetesResource one(String kind) {
        List<GenericKubernetesResource> found = KEYCLOAK.custom(kind).toList();
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    private static JsonNode importedRealm() {
        return JSON.valueToTree(ManifestsTest.spec(one("KeycloakRealmImport")).get("realm"));
    }

    private static ObjectNode client(ObjectNode realm, String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (c.path("clientId").asText().equals(clientId)) {
                return (ObjectNode) c;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode mapper(JsonNode mappers, String type, String claim) {
        for (JsonNode m : mappers) {
            if (m.path("protocolMapper").asText().equals(type) && m.path("config").path("claim.name").asText().equals(claim)) {
                return m;
            }
        }
        throw new AssertionError("no " + type + " for the claim " + claim);
    }

    private static String audience(JsonNode mappers) {
        for (JsonNode m : mappers) {
            if (m.path("protocolMapper").asText().equals("oidc-audience-mapper")
                    && m.path("config").path("access.token.claim").asText().equals("true")) {
                return m.path("config").path("included.custom.audience").asText();
            }
        }
        throw new AssertionError("no audience mapper");
    }

    /** The literals of the README's {@code kubectl create secret generic chamyeo-oidc} command. */
    private static Map<String, String> readmeOidc() {
        try {
            String readme = Files.readString(Rendered.K8S.resolve("README.md"));
            Matcher command = Pattern.compile("create secret generic chamyeo-oidc((?:[^\\n]*\\\\\\n)*[^\\n]*)").matcher(readme);
            assertTrue(command.find(), "README: kubectl create secret generic chamyeo-oidc");
            Matcher literal = Pattern.compile("--from-literal=([a-z-]+)=(\\S+)").matcher(command.group(1));
            Map<String, String> out = new java.util.HashMap<>();
            while (literal.find()) {
                out.put(literal.group(1), literal.group(2));
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return out;
    }
}
