package kr.chamyeo.voting;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.restassured.RestAssured;
import kr.chamyeo.platform.testing.TestTokens;
import kr.chamyeo.trustee.TrusteeRunner;
import kr.chamyeo.voting.election.Trustees;

/**
 * Trustees for the tests, run as real trustees run: the trustee command's {@link TrusteeRunner}, each with its own
 * share directory and token, talking to the service over HTTP. {@link #cityWide()} forms a city-wide panel of 5 with
 * threshold 3 once per test JVM and keeps its trustees working in the background, so every ballot the tests open is
 * encrypted under it and gets counted after it closes.
 */
public final class TestElection {

    public static final int SEATS = 5;
    public static final int THRESHOLD = 3;
    private static String cityWide;

    private TestElection() {
    }

    /** The id of the city-wide panel, ready; formed (and its trustees started) on the first call. */
    public static synchronized String cityWide() {
        if (cityWide == null) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> subjects = new ArrayList<>();
            for (int seat = 1; seat <= SEATS; seat++) {
                subjects.add("trustee-" + run + "-" + seat);
            }
            String id = form(null, TestTokens.cityAdmin(), THRESHOLD, subjects);
            subjects.forEach(TestElection::start);
            awaitStatus(id, "READY");
            cityWide = id;
        }
        return cityWide;
    }

    /** Forms a panel; returns its id. */
    public static String form(String district, String token, int threshold, List<String> subjects) {
        StringBuilder seats = new StringBuilder();
        for (int i = 0; i < subjects.size(); i++) {
            seats.append(i == 0 ? "" : ",").append("{\"name\":\"관리인 ").append(i + 1).append("\",\"subject\":\"")
                    .append(subjects.get(i)).append("\"}");
        }
        return given().auth().oauth2(token).contentType("application/json")
                .body("{\"title\":\"테스트 개표 관리\",\"ownerDistrict\":" + (district == null ? "null" : "\"" + district + "\"")
                        + ",\"threshold\":" + threshold + ",\"trustees\":[" + seats + "]}")
                .post("/api/v1/voting/elections").then().statusCode(201).extract().path("id");
    }

    /** Starts a trustee in the background for the rest of the JVM, polling every 200 ms. */
    public static void start(String subject) {
        TrusteeRunner runner = runner(subject);
        Thread thread = new Thread(() -> {
            while (true) {
                try {
                    if (runner.step() == 0) {
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    // The service may be restarting between test classes; the next pass retries.
                    sleepQuietly();
                }
            }
        }, "trustee-" + subject);
        thread.setDaemon(true);
        thread.start();
    }

    /** Trustees the test steps by hand, taken through the key ceremony (four passes make a panel ready). */
    public static List<TrusteeRunner> steppedThroughCeremony(List<String> subjects) {
        List<TrusteeRunner> trustees = subjects.stream().map(TestElection::runner).toList();
        for (int pass = 0; pass < 4; pass++) {
            trustees.forEach(TrusteeRunner::step);
        }
        return trustees;
    }

    /** A trustee that acts only when the test calls {@link TrusteeRunner#step()}. */
    public static TrusteeRunner runner(String subject) {
        try {
            Path secrets = Files.createTempDirectory("chamyeo-trustee-");
            secrets.toFile().deleteOnExit();
            return new TrusteeRunner("http://localhost:" + RestAssured.port + "/api/v1/voting",
                    () -> trusteeToken(subject), secrets.resolve("shares"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String trusteeToken(String subject) {
        return TestTokens.token(subject, Trustees.ROLE).sign();
    }

    public static void awaitStatus(String election, String status) {
        await("election " + election + " " + status).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(given().get("/api/v1/voting/elections/" + election).then().extract().path("status")));
    }

    /** Waits until the trustees have counted the ballot (status CLOSED). */
    public static void awaitCounted(String ballot) {
        await("ballot " + ballot + " counted").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> "CLOSED".equals(given().get("/api/v1/voting/ballots/" + ballot).then().extract().path("status")));
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
