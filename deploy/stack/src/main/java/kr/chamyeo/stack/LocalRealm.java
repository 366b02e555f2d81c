package kr.chamyeo.stack;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

/**
 * The realm the local stack's Keycloak imports: the versioned production realm ({@code deploy/keycloak/chamyeo-realm.json},
 * also the Kubernetes KeycloakRealmImport) plus what only a developer's machine may have:
 * <ul>
 * <li>the demo users ({@code deploy/keycloak/demo-users.json}, one per role and district, password {@code chamyeo});</li>
 * <li>the password grant on the public client, so that scripts and tests can log in as a demo user without a browser;</li>
 * <li>the stack's development key ({@code KEYDIR/jwt-private.pem}) as a second, lower-priority realm key: Keycloak
 * keeps signing its own tokens with its generated key, but publishes this one in its JWKS too, so the tokens
 * {@code stack token} and the end-to-end tests sign with it (any role, district or subject, thousands of voters)
 * are verified by the services exactly like Keycloak's, through the one JWKS and issuer they trust.</li>
 * </ul>
 *
 * <pre>
 * LocalRealm REALM_JSON USERS_JSON KEYDIR OUT_JSON
 * </pre>
 */
public final class LocalRealm {

    static final String KEY_PROVIDER = "org.keycloak.keys.KeyProvider";
    /** The priority of the keys Keycloak generates for a new realm. */
    static final String GENERATED_PRIORITY = "100";
    /** Below the generated key's: Keycloak signs with its own key; this one is only published. */
    static final String DEV_KEY_PRIORITY = "10";
    static final String WEB_CLIENT = "chamyeo-web";

    private LocalRealm() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: LocalRealm REALM_JSON USERS_JSON KEYDIR OUT_JSON");
            System.exit(2);
        }
        JsonObject realm = read(Path.of(args[0]));
        JsonArray users = read(Path.of(args[1])).getJsonArray("users");
        Path keys = Path.of(args[2]);
        DevTokens.ensureKeys(keys);
        String privateKey = Files.readString(keys.resolve("jwt-private.pem"));
        Path out = Path.of(args[3]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(writer)
                    .write(local(realm, users, privateKey));
        }
    }

    static JsonObject local(JsonObject realm, JsonArray users, String privateKeyPem) {
        JsonObjectBuilder result = Json.createObjectBuilder(realm);
        JsonArrayBuilder clients = Json.createArrayBuilder();
        boolean found = false;
        for (JsonValue client : realm.getJsonArray("clients")) {
            JsonObject c = client.asJsonObject();
            if (WEB_CLIENT.equals(c.getString("clientId"))) {
                found = true;
                clients.add(Json.createObjectBuilder(c).add("directAccessGrantsEnabled", true));
            } else {
                clients.add(c);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("the realm has no client " + WEB_CLIENT);
        }
        result.add("clients", clients);
        result.add("users", users);
        JsonObject components = realm.containsKey("components") ? realm.getJsonObject("components") : JsonValue.EMPTY_JSON_OBJECT;
        JsonArrayBuilder keys = Json.createArrayBuilder();
        if (components.containsKey(KEY_PROVIDER)) {
            components.getJsonArray(KEY_PROVIDER).forEach(keys::add);
        } else {
            // A realm imported with any key provider gets none of the keys Keycloak generates for a new realm (it signed
            // everything with the development key and had only a fallback HMAC key): name them, as a new realm has them.
            keys.add(generated("rsa-generated", "rsa-generated", null));
            keys.add(generated("rsa-enc-generated", "rsa-enc-generated", "RSA-OAEP"));
            keys.add(generated("hmac-generated-hs512", "hmac-generated", "HS512"));
            keys.add(generated("aes-generated", "aes-generated", null));
        }
        keys.add(Json.createObjectBuilder().add("name", "chamyeo-local-development-key").add("providerId", "rsa")
                .add("subComponents", JsonValue.EMPTY_JSON_OBJECT)
                .add("config", Json.createObjectBuilder()
                        .add("privateKey", Json.createArrayBuilder().add(privateKeyPem))
                        .add("priority", Json.createArrayBuilder().add(DEV_KEY_PRIORITY))
                        .add("algorithm", Json.createArrayBuilder().add("RS256"))
                        .add("enabled", Json.createArrayBuilder().add("true"))
                        .add("active", Json.createArrayBuilder().add("true"))));
        result.add("components", Json.createObjectBuilder(components).add(KEY_PROVIDER, keys));
        return result.build();
    }

    private static JsonObjectBuilder generated(String name, String providerId, String algorithm) {
        JsonObjectBuilder config = Json.createObjectBuilder().add("priority", Json.createArrayBuilder().add(GENERATED_PRIORITY));
        if (algorithm != null) {
            config.add("algorithm", Json.createArrayBuilder().add(algorithm));
        }
        return Json.createObjectBuilder().add("name", name).add("providerId", providerId)
                .add("subComponents", JsonValue.EMPTY_JSON_OBJECT).add("config", config);
    }

    private static JsonObject read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return Json.createReader(reader).readObject();
        }
    }
}
