package kr.chamyeo.e2e.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;

/** Ballots through the gateway as an officer: open one now, close it, wait for the final results. */
public final class Voting {

    private final Api api;
    private final String officer;

    public Voting(Api api) {
        this(api, api.tokens().officer(Tokens.GEUMCHEON));
    }

    /** As the given Geumcheon officer (e.g. one signed in through Keycloak). */
    public Voting(Api api, String officer) {
        this.api = api;
        this.officer = officer;
    }

    /** A SINGLE-choice ballot open from now for an hour, for Geumcheon's residents. */
    public String openBallot(String title, List<String> keys) {
        Http.Reply r = Http.post(api.stack().gateway() + "/api/v1/voting/ballots", officer, spec(title, keys));
        if (r.status() != 201) {
            throw new IllegalStateException("could not open a ballot: " + r);
        }
        return r.json().path("id").asText();
    }

    public Map<String, Object> spec(String title, List<String> keys) {
        return Map.of("title", title, "ownerDistrict", Tokens.GEUMCHEON,
                "eligibility", Map.of("districts", List.of(Tokens.GEUMCHEON), "dongs", List.of()),
                "opensAt", Instant.now().minusSeconds(60).toString(),
                "closesAt", Instant.now().plus(Duration.ofHours(1)).toString(),
                "options", keys.stream().map(k -> Map.of("key", k, "label", "선택지 " + k)).toList(),
                "rule", Map.of("type", "SINGLE"));
    }

    public Http.Reply vote(String ballotId, String token, String key) {
        return Http.post(api.stack().gateway() + "/api/v1/voting/ballots/" + ballotId + "/votes", token,
                Map.of("choices", List.of(key)));
    }

    /** Closes the ballot and returns its final results once the closing has been committed. */
    public JsonNode closeAndCount(String ballotId) {
        Http.Reply closed = Http.post(api.stack().gateway() + "/api/v1/voting/ballots/" + ballotId + "/close", officer,
                Map.of("reason", "시나리오: 투표 기간 단축 (e2e)"));
        if (closed.status() != 200 && closed.status() != 409) {
            throw new IllegalStateException("could not close " + ballotId + ": " + closed);
        }
        JsonNode[] results = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Http.Reply r = Http.get(api.stack().gateway() + "/api/v1/voting/ballots/" + ballotId + "/results", null);
            results[0] = r.json();
            return r.status() == 200 && r.json().path("closed").asBoolean();
        });
        return results[0];
    }
}
