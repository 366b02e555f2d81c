package kr.chamyeo.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local realm is the versioned one plus the demo users, the password grant and a published development key. */
class LocalRealmTest {

    static final Path KEYCLOAK = Path.of("../keycloak");

    @Test
    void addsUsersPasswordGrantAndTheDevelopmentKeyBelowKeycloaksOwn(@TempDir Path dir) throws Exception {
        JsonObject versioned = read(KEYCLOAK.resolve("chamyeo-realm.json"));
        JsonObject users = read(KEYCLOAK.resolve("demo-users.json"));
        Path out = dir.resolve("import/chamyeo-realm.json");
        LocalRealm.main(new String[] {KEYCLOAK.resolve("chamyeo-realm.json").toString(),
                KEYCLOAK.resolve("demo-users.json").toString(), dir.resolve("keys").toString(), out.toString()});
        JsonObject local = read(out);

        assertFalse(versioned.getJsonArray("clients").getJsonObject(0).getBoolean("directAccessGrantsEnabled"));
        assertTrue(local.getJsonArray("clients").getJsonObject(0).getBoolean("directAccessGrantsEnabled"));
        assertEquals(users.getJsonArray("users"), local.getJsonArray("users"));
        var providers = local.getJsonObject("components").getJsonArray("org.keycloak.keys.KeyProvider");
        // Keycloak's own keys, as a new realm gets them, then the development key.
        assertEquals(java.util.List.of("rsa-generated", "rsa-enc-generated", "hmac-generated", "aes-generated", "rsa"),
                providers.stream().map(p -> p.asJsonObject().getString("providerId")).toList());
        JsonObject key = providers.getJsonObject(4);
        assertEquals(Files.readString(dir.resolve("keys/jwt-private.pem")),
                key.getJsonObject("config").getJsonArray("privateKey").getString(0));
        // Below Keycloak's generated RSA key: that one keeps signing Keycloak's own tokens.
        assertTrue(Integer.parseInt(key.getJsonObject("config").getJsonArray("priority").getString(0))
                < Integer.parseInt(providers.getJsonObject(0).getJsonObject("config").getJsonArray("priority").getString(0)));
        // Everything else is the versioned realm, untouched (also the user profile component).
        assertEquals(versioned.getJsonObject("components").getJsonArray("org.keycloak.userprofile.UserProfileProvider"),
                local.getJsonObject("components").getJsonArray("org.keycloak.userprofile.UserProfileProvider"));
        for (String field : versioned.keySet()) {
            if (!field.equals("clients") && !field.equals("components")) {
                assertEquals(versioned.get(field), local.get(field), field);
            }
        }
    }

    @Test
    void tokensNameTheStacksIssuerAndTheKeyIdKeycloakGivesTheKey(@TempDir Path dir) throws Exception {
        assertEquals(DevTokens.ISSUER, DevTokens.signer(dir).issuer(), "without Keycloak");
        Files.writeString(dir.resolve("issuer"), "http://localhost:8090/realms/chamyeo\n");
        DevTokens.Signer signer = DevTokens.signer(dir);
        assertEquals("http://localhost:8090/realms/chamyeo", signer.issuer());
        String kid = signer.keyId();
        assertEquals(43, kid.length(), "base64url of a SHA-256 digest, unpadded: " + kid);
        String token = signer.sign("resident-1", java.util.Set.of("RESIDENT"), "11545", "독산1동", 1990, "F", 1, 2);
        String header = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[0]), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"kid\":\"" + kid + "\""), header);
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Json.createReader(reader).readObject();
        }
    }
}
