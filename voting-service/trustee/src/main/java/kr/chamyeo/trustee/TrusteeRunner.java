package kr.chamyeo.trustee;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.election.BallotText;
import kr.chamyeo.election.Ciphertext;
import kr.chamyeo.election.ElectionKey;
import kr.chamyeo.election.KeyCeremony;
import kr.chamyeo.election.Trustee;
import kr.chamyeo.election.TrusteeSecret;
import kr.chamyeo.election.ThresholdDecryption.PartialDecryption;
import kr.chamyeo.election.shuffle.MixRound;
import kr.chamyeo.election.shuffle.Shuffle;

/**
 * What one trustee does, on their own machine, with their own share files: for every election in which the token's
 * subject holds a seat, the next step of the key ceremony (PROTOCOL.md §5); for every ballot of a ready election that
 * is being counted, in each of its batches (§8.6), a shuffle (§7) and then decryption shares (§6). The service only
 * ever sees public messages; the share file is written before anything derived from it is published, so a crash never
 * loses a published key. Trustees race each other for mixing rounds: a post the service refuses because another
 * trustee took the round is simply done again on the next pass.
 */
public final class TrusteeRunner {

    private final ObjectMapper mapper = new ObjectMapper();
    private final VotingApi api;
    private final Path secrets;

    /**
     * @param apiRoot voting-service's API root, e.g. {@code http://localhost:8080/api/v1/voting}
     * @param token   the trustee's bearer token (asked again for every call, so it may be renewed)
     * @param secrets the directory of this trustee's share files (created 0700)
     */
    public TrusteeRunner(String apiRoot, Supplier<String> token, Path secrets) {
        this.api = new VotingApi(mapper, apiRoot, token);
        this.secrets = secrets;
    }

    /** One pass over every seat; returns how many steps it published. */
    public int step() {
        int steps = 0;
        for (JsonNode seat : api.get("/elections/mine")) {
            String election = seat.get("electionId").asText();
            int index = seat.get("seat").asInt();
            JsonNode view = api.get("/elections/" + election);
            try {
                steps += switch (view.get("status").asText()) {
                    case "CEREMONY" -> ceremony(view, index);
                    case "READY" -> count(view, index);
                    default -> 0;
                };
            } catch (VotingApi.Refused e) {
                if (e.status != 409 && e.status != 422) {
                    throw e;
                }
                // Another trustee moved first (a round taken, a step not yet open): the next pass sees the new state.
            }
        }
        return steps;
    }

    private int ceremony(JsonNode view, int seat) {
        String election = view.get("id").asText();
        int trustees = view.get("trusteeCount").asInt();
        Trustee trustee = load(election, seat).orElseGet(() -> save(Trustee.create(election, seat, trustees, view.get("threshold").asInt())));
        JsonNode mine = view.get("trustees").get(seat - 1);
        String path = "/elections/" + election + "/trustees/" + seat;
        if (mine.get("key").isNull()) {
            api.put(path + "/key", trustee.publicKey());
            return 1;
        }
        List<KeyCeremony.TrusteeKey> keys = published(view, "key", KeyCeremony.TrusteeKey.class);
        if (keys.size() < trustees) {
            return 0;
        }
        if (mine.get("round1").isNull()) {
            KeyCeremony.Round1 round1 = trustee.round1(keys);
            save(trustee);
            api.put(path + "/round1", round1);
            return 1;
        }
        List<KeyCeremony.Round1> round1 = published(view, "round1", KeyCeremony.Round1.class);
        if (round1.size() < trustees || !mine.get("round2").isNull()) {
            return 0;
        }
        Trustee.Round2Result result = trustee.round2(keys, round1);
        save(trustee);
        api.put(path + "/round2", Map.of("round2", result.message() == null ? mapper.nullNode() : result.message(),
                "complaints", result.complaints()));
        return 1;
    }

    private int count(JsonNode view, int seat) {
        String election = view.get("id").asText();
        Trustee trustee = load(election, seat).orElseThrow(() -> new IllegalStateException("no share file for seat " + seat
                + " of election " + election + " in " + secrets));
        List<String> shareKeys = new ArrayList<>();
        view.get("trustees").forEach(t -> shareKeys.add(t.get("round2").get("shareKey").asText()));
        ElectionKey key = new ElectionKey(election, view.get("trusteeCount").asInt(), view.get("threshold").asInt(),
                view.get("publicKey").asText(), shareKeys);
        int steps = 0;
        for (JsonNode ballot : api.get("/ballots?status=COUNTING&size=100")) {
            if (!election.equals(ballot.get("electionId").asText())) {
                continue;
            }
            String id = ballot.get("id").asText();
            try {
                steps += countStep(trustee, key, seat, id);
            } catch (VotingApi.Refused e) {
                if (e.status != 503) {
                    throw e;
                }
                // The service cannot check a step this large until its operator gives it more memory; the other
                // ballots need not wait for that.
                System.err.println("trustee: ballot " + id + " not counted here: " + e.getMessage());
            }
        }
        return steps;
    }

    /**
     * This seat's next step in every batch of the ballot (PROTOCOL.md §8.6): its shuffle where a batch still mixes and it
     * has not mixed that batch, else its decryption shares where the batch decrypts. A batch whose round another
     * trustee took meanwhile (409, or 422 for a proof made for the round that was taken) is simply tried again on the
     * next pass; the other batches need not wait for it.
     */
    private int countStep(Trustee trustee, ElectionKey key, int seat, String id) {
        JsonNode progress = api.get("/ballots/" + id + "/counting");
        int batches = progress.get("batches").asInt();
        int steps = 0;
        for (JsonNode batch : progress.get("byBatch")) {
            try {
                steps += batchStep(trustee, key, seat, id, batches, batch);
            } catch (VotingApi.Refused e) {
                if (e.status != 409 && e.status != 422) {
                    throw e;
                }
            }
        }
        return steps;
    }

    private int batchStep(Trustee trustee, ElectionKey key, int seat, String id, int batches, JsonNode progress) {
        int batch = progress.get("batch").asInt();
        List<Integer> mixed = ints(progress.get("mixedBy"));
        List<Integer> decrypted = ints(progress.get("decryptedBy"));
        String step = progress.get("step").asText();
        String query = "?batch=" + batch;
        if (step.equals("MIX") && !mixed.contains(seat)) {
            Shuffle.Result shuffled = Shuffle.shuffle(key.publicPoint(), MixRound.context(id, batches, batch, mixed.size() + 1),
                    input(id, query));
            List<String> lines = shuffled.outputs().stream().map(BallotText::of).toList();
            api.post("/ballots/" + id + "/counting/mixes" + query, Map.of("ciphertexts", lines, "proof", shuffled.proof()));
            return 1;
        }
        if (step.equals("DECRYPT") && !decrypted.contains(seat)) {
            List<Ciphertext> all = new ArrayList<>();
            input(id, query).forEach(all::addAll);
            PartialDecryption partial = trustee.decrypt(key, MixRound.decryptionContext(id, batches, batch), all);
            api.post("/ballots/" + id + "/counting/decryptions" + query, partial);
            return 1;
        }
        return 0;
    }

    private List<List<Ciphertext>> input(String ballotId, String query) {
        List<List<Ciphertext>> ballots = new ArrayList<>();
        for (JsonNode line : api.get("/ballots/" + ballotId + "/counting/input" + query)) {
            ballots.add(BallotText.parse(line.asText()));
        }
        return ballots;
    }

    private <T> List<T> published(JsonNode view, String field, Class<T> type) {
        List<T> messages = new ArrayList<>();
        view.get("trustees").forEach(t -> {
            if (!t.get(field).isNull()) {
                messages.add(api.convert(t.get(field), type));
            }
        });
        return messages;
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }

    private Path file(String election, int seat) {
        return secrets.resolve(election + "-" + seat + ".json");
    }

    private java.util.Optional<Trustee> load(String election, int seat) {
        Path file = file(election, seat);
        if (!Files.exists(file)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Trustee.restore(mapper.readValue(file.toFile(), TrusteeSecret.class)));
        } catch (IOException e) {
            throw new IllegalStateException("unreadable share file " + file, e);
        }
    }

    /** Writes the share file atomically, readable by its owner only. */
    private Trustee save(Trustee trustee) {
        TrusteeSecret secret = trustee.secret();
        try {
            if (!Files.isDirectory(secrets)) {
                Files.createDirectories(secrets, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path temp = Files.createTempFile(secrets, "share", ".tmp", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            mapper.writeValue(temp.toFile(), secret);
            Files.move(temp, file(secret.electionId(), secret.index()), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return trustee;
        } catch (IOException e) {
            throw new IllegalStateException("could not write the share file in " + secrets, e);
        }
    }
}
