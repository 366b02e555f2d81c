package kr.chamyeo.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Checks an election record ({@code GET /api/v1/voting/ballots/{id}/record}, PROTOCOL.md §8.5) against PROTOCOL.md
 * §1–§8, from the record alone. Every part is checked even when an earlier one failed, against the values the record
 * publishes (the election key, the verification keys, the board), so that one corruption is named where it is and
 * not only as a consequence elsewhere.
 */
public final class Verifier {

    static final String PROTOCOL = "chamyeo-election/3";
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._:/-]{1,200}");
    private static final Pattern NONCE = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern SEALED = Pattern.compile("[0-9a-f]{96}");

    private final JsonNode record;
    /** The pages of a record of several batches; null when only a document was given. */
    private final RecordPages pages;
    private final List<Check> checks = new ArrayList<>();

    private String electionId;
    private int trustees;
    private int threshold;
    private ECPoint publicKey;
    private String publicKeyHex;
    /** Commitments K_il of trustee i (index i − 1), null where round 1 is unusable. */
    private ECPoint[][] commitments;
    /** Verification keys S_j as round 2 publishes them (index j − 1), null where missing or malformed. */
    private ECPoint[] shareKeys;
    private String ballotId;
    private int options;
    private int width;
    private Rule rule;
    private BallotList board;
    private BallotList lastRound;
    /** The ballots as the verified decryption gives them (null entries: invalid); null when it could not be done. */
    private List<int[]> decrypted;
    /** Several batches: every board entry's sort key (§8.6) with its seq, in key order once the board is read. */
    private List<Keyed> assignment;

    /** A board entry as the batch assignment needs it: 32 bytes and a seq, not the entry. */
    private record Keyed(byte[] key, long seq) {
    }

    /** One list of ballots counted on its own: the whole board, or one batch (§8.6), with what its record part says. */
    private record Counted(String prefix, BallotList input, long size, JsonNode mixes, JsonNode decryptions, JsonNode plaintexts,
                           String mixContext, String decryptionContext) {
    }

    private Verifier(JsonNode record, RecordPages pages) {
        this.record = record;
        this.pages = pages;
    }

    /** Verifies a record of one document; never throws on bad input, every problem is a failed check. */
    public static Report verify(JsonNode record) {
        return new Verifier(record, null).run();
    }

    /**
     * Verifies a record given as its header ({@code GET …/record}) and its pages (§8.5): a ballot counted in several
     * batches. A record of one batch is one document, and {@code pages} is not used.
     */
    public static Report verify(JsonNode header, RecordPages pages) {
        return new Verifier(header, pages).run();
    }

    private Report run() {
        if (record.has("batches")) {
            return runBatched();
        }
        check("record", "protocol, group, identifiers, options and width", 1, this::header);
        ceremony();
        JsonNode entries = record.path("board").path("entries");
        check("board", "ciphertexts: " + width + " per entry, valid points (§1, §8.1)", entries.size(), () -> boardCiphertexts(entries));
        check("board", "seq 1..size, hash chain, head and size (§8.2)", entries.size(), () -> boardChain(entries));
        check("board", "trackers = H(tracker, ballot id, ciphertexts), no two alike (§4.4)", entries.size(), () -> trackers(entries));
        check("board", "client ballots: choice, count and budget proofs, ciphertexts = their choices combined (§4.2, §4.3, §8.2)",
                withProof(entries), () -> clientProofs(entries));
        check("board", "roll entries = board size: one ballot per admitted voter (§8.2)", 1, this::roll);
        Counted whole = new Counted("", board, record.path("board").path("size").asLong(), record.path("mixes"),
                record.path("decryptions"), record.path("plaintexts"), ballotId + "/mix/", ballotId);
        counted(whole);
        check("result", "voters = board size, invalid = nulls, tallies count the plaintexts (§8.4)", 1,
                () -> result(decrypted, record.path("plaintexts")));
        return new Report(checks);
    }

    private void ceremony() {
        JsonNode seats = record.path("election").path("trustees");
        check("ceremony", "trustee keys: seats 1..n, Schnorr proofs of X_i (§5.1)", seats.size(), () -> trusteeKeys(seats));
        check("ceremony", "round 1: k commitments, proof of a_i0, one encrypted share per other trustee (§5.2)", seats.size(),
                () -> round1(seats));
        check("ceremony", "round 2: S_j = Σ_l j^l·C_l and its Schnorr proof (§5.3)", seats.size(), () -> round2(seats));
        check("ceremony", "election public key = Σ_i K_i0 (§5.4)", 1, this::electionKey);
    }

    /** Mixing rounds, decryption and plaintexts of one list counted on its own; sets {@link #decrypted}. */
    private void counted(Counted part) {
        mixes(part);
        decryptions(part);
        check(part.prefix() + "plaintexts", "combined decryption of the last round decodes to the published plaintexts, rule applied "
                + "(§6.3, §8.4)", lastRound == null ? 0 : lastRound.size(), () -> plaintexts(part.plaintexts()));
    }

    // ---- a record of several batches (§8.5, §8.6) ----------------------------------------------------------------

    /**
     * The header, the board read page by page keeping only each entry's sort key and seq, the assignment recomputed
     * from them, then each batch on its own — so the memory needed is the board's keys plus one batch.
     */
    private Report runBatched() {
        check("record", "protocol, group, identifiers, options and width", 1, this::header);
        ceremony();
        long size = record.path("board").path("size").asLong();
        int batches = record.path("batches").path("count").asInt();
        check("record", "pages: the record of several batches is read from its pages (§8.5)", 1,
                () -> Failed.unless(pages != null, "pages", "a header of " + batches + " batches was given without its pages"));
        check("batches", "count = max(1, ⌈board size / batch size⌉) ≥ 2, every batch non-empty (§8.6)", 1, () -> {
            long batchSize = record.path("batches").path("size").asLong();
            Failed.unless(batchSize >= 1 && batches == Math.max(1, (size + batchSize - 1) / batchSize) && batches >= 2
                    && batches <= size, "count", batches + " batches of at most " + batchSize + " for " + size + " ballots");
        });
        check("board", "pages: ciphertexts, seq 1..size, hash chain, head and size, trackers, no two alike, client ballots "
                + "(§8.2, §4.4, §4.3)", size, this::boardPages);
        check("board", "roll entries = board size: one ballot per admitted voter (§8.2)", 1, this::roll);
        List<int[]> all = new ArrayList<>();
        List<JsonNode> published = new ArrayList<>();
        boolean allDecrypted = true;
        // A count the board cannot hold (failed above) is not followed: there would be no such pages to read.
        int readable = batches >= 1 && batches <= Math.max(size, 1) && pages != null ? batches : 0;
        for (int b = 0; b < readable; b++) {
            int index = b;
            long first = start(b, size, batches);
            long members = start(b + 1, size, batches) - first;
            JsonNode page;
            try {
                page = pages.batch(b);
            } catch (RuntimeException e) {
                check("batch " + b, "the batch's page", 1, () -> {
                    throw new Failed("page", e.toString());
                });
                allDecrypted = false;
                continue;
            }
            BallotList[] input = new BallotList[1];
            check("batch " + b, "index; trackers = the assignment's positions [" + first + ", " + (first + members) + ") in order; "
                    + "inputs = their ciphertexts (§8.6, §4.4)", members, () -> input[0] = members(index, page, first, members));
            decrypted = null;
            lastRound = null;
            counted(new Counted("batch " + b + " ", input[0], members, page.path("mixes"), page.path("decryptions"),
                    page.path("plaintexts"), ballotId + "/batch/" + b + "/mix/", ballotId + "/batch/" + b));
            if (decrypted == null) {
                allDecrypted = false;
            } else {
                all.addAll(decrypted);
            }
            page.path("plaintexts").forEach(published::add);
        }
        List<int[]> counted = allDecrypted ? all : null;
        check("result", "voters = board size, invalid = nulls, tallies count every batch's plaintexts (§8.4)", 1,
                () -> result(counted, JsonNodeFactory.instance.arrayNode().addAll(published)));
        return new Report(checks);
    }

    /** ⌊b·N/B⌋: where batch b begins among the sorted entries (§8.6). */
    private static long start(int batch, long size, int batches) {
        return Math.floorDiv(batch * size, batches);
    }

    /** The board, page after page, checked as one list would be; keeps each entry's sort key (§8.6) in {@link #assignment}. */
    private void boardPages() {
        assignment = null;
        JsonNode header = record.path("board");
        String head = header.path("head").asText();
        String chain = P256.hashHex("chamyeo/board", ballotId);
        List<Keyed> keyed = new ArrayList<>();
        long seq = 0;
        long from = 1;
        while (true) {
            JsonNode page = pages.board(from);
            JsonNode entries = page.path("entries");
            if (entries.size() == 0) {
                break;
            }
            BallotList list = boardCiphertexts(entries, seq);
            chain = boardLinks(entries, chain, seq);
            trackerHashes(entries, seq);
            clientProofs(entries, list, seq);
            for (JsonNode entry : entries) {
                keyed.add(new Keyed(sortKey(head, entry.path("tracker").asText()), ++seq));
            }
            JsonNode next = page.path("next");
            if (!next.canConvertToLong()) {
                break;
            }
            from = next.asLong();
            Failed.unless(from == seq + 1, "page", "the page after seq " + seq + " starts at " + from);
        }
        Failed.unless(chain.equals(head), "head", "the last link is not the published head");
        Failed.unless(header.path("size").asLong() == seq, "size", "size " + header.path("size") + ", " + seq + " entries");
        keyed.sort((a, b) -> Arrays.compareUnsigned(a.key(), b.key()));
        for (int i = 1; i < keyed.size(); i++) {
            if (Arrays.equals(keyed.get(i - 1).key(), keyed.get(i).key())) {
                long later = Math.max(keyed.get(i - 1).seq(), keyed.get(i).seq());
                throw new Failed("entry " + later + " duplicate tracker", "an earlier entry has the same ciphertexts");
            }
        }
        assignment = keyed;
    }

    /** §8.6: an entry's sort key H(batch, ballot id, board head, tracker), as bytes (their order is the hex order). */
    private byte[] sortKey(String head, String tracker) {
        return P256.sha256(P256.input("chamyeo/batch", ballotId, head, tracker));
    }

    /** A batch's members: its trackers are the assignment's, in order, and its inputs the ciphertexts they hash. */
    private BallotList members(int batch, JsonNode page, long first, long members) {
        Failed.unless(assignment != null, "assignment", "the board could not be read, so the assignment is unknown");
        Failed.unless(page.path("index").asInt(-1) == batch, "index", "page " + page.path("index") + " for batch " + batch);
        JsonNode trackers = page.path("trackers");
        JsonNode inputs = page.path("inputs");
        Failed.unless(trackers.size() == members, "trackers are not the assignment", trackers.size() + " trackers, " + members
                + " assigned");
        String head = record.path("board").path("head").asText();
        for (int i = 0; i < members; i++) {
            Failed.unless(Arrays.equals(sortKey(head, trackers.get(i).asText()), assignment.get((int) (first + i)).key()),
                    "trackers are not the assignment", "position " + i + " holds another entry than sorted position " + (first + i));
        }
        Failed.unless(inputs.size() == members, "inputs", inputs.size() + " inputs for " + members + " trackers");
        int bad = firstFailing((int) members, i -> P256.hashHex("chamyeo/tracker", ballotId, inputs.get(i).asText())
                .equals(trackers.get(i).asText()));
        Failed.unless(bad < 0, "input " + bad, "not the ciphertexts of tracker " + bad);
        List<String> texts = new ArrayList<>((int) members);
        inputs.forEach(node -> texts.add(node.textValue()));
        return BallotList.parse(texts, width, "input");
    }

    private void check(String part, String what, long count, Runnable body) {
        long start = System.nanoTime();
        String failure = null;
        String detail = null;
        try {
            body.run();
        } catch (Failed failed) {
            failure = failed.item;
            detail = failed.getMessage();
        } catch (RuntimeException e) {
            // A record missing what an earlier failed check should have provided, or shaped unexpectedly.
            failure = "malformed";
            detail = e.toString();
        }
        checks.add(new Check(part, what, count, failure, detail, (System.nanoTime() - start) / 1_000_000));
    }

    // ---- record ------------------------------------------------------------------------------------------------

    private void header() {
        JsonNode election = record.path("election");
        electionId = election.path("id").asText();
        Failed.unless(LABEL.matcher(electionId).matches(), "election id", electionId);
        trustees = election.path("trusteeCount").asInt();
        threshold = election.path("threshold").asInt();
        Failed.unless(trustees >= 1 && threshold >= 1 && threshold <= trustees, "threshold",
                threshold + " of " + trustees + " trustees");
        publicKeyHex = election.path("publicKey").asText();
        try {
            publicKey = P256.point(publicKeyHex);
        } catch (IllegalArgumentException e) {
            throw new Failed("public key", e.getMessage());
        }
        JsonNode ballot = record.path("ballot");
        ballotId = ballot.path("id").asText();
        Failed.unless(UUID.matcher(ballotId).matches(), "ballot id", ballotId);
        options = ballot.path("options").size();
        Failed.unless(options >= 1, "options", "none");
        width = Selections.width(options);
        // Read before the checks below, which may fail, so that the board and the count use a valid rule; a bad one is
        // reported after them.
        Failed badRule = null;
        try {
            rule = Rule.of(ballot);
        } catch (Failed failed) {
            badRule = failed;
        }
        Failed.unless(ballot.path("width").asInt() == width, "width", "width(" + options + ") is " + width);
        // Checked last, so that the other parts are still verified against the values read above.
        Failed.unless(PROTOCOL.equals(record.path("protocol").asText()), "protocol", "not " + PROTOCOL);
        Failed.unless(P256.NAME.equals(record.path("group").asText()), "group", "not " + P256.NAME);
        if (badRule != null) {
            throw badRule;
        }
    }

    // ---- ceremony (§5) -----------------------------------------------------------------------------------------

    private void trusteeKeys(JsonNode seats) {
        Failed.unless(seats.size() == trustees, "seats", seats.size() + " seats for " + trustees + " trustees");
        for (int i = 1; i <= trustees; i++) {
            JsonNode seat = seats.get(i - 1);
            Failed.unless(seat.path("seat").asInt() == i, "seats", "seat " + seat.path("seat") + " at position " + i);
            JsonNode key = seat.path("key");
            String item = "trustee " + i + " key";
            Failed.unless(electionId.equals(key.path("electionId").asText()) && key.path("index").asInt() == i, item,
                    "addressed to another election or seat");
            Failed.unless(schnorr("chamyeo/trustee-key", parsePoint(key.path("publicKey").asText(), item), key.path("proof").asText(),
                    item, electionId, Integer.toString(i)), item + " proof", null);
        }
    }

    private void round1(JsonNode seats) {
        commitments = new ECPoint[trustees][];
        for (int i = 1; i <= trustees; i++) {
            JsonNode message = seats.path(i - 1).path("round1");
            String item = "trustee " + i + " round 1";
            Failed.unless(electionId.equals(message.path("electionId").asText()) && message.path("trustee").asInt() == i, item,
                    "addressed to another election or seat");
            JsonNode list = message.path("commitments");
            Failed.unless(list.isArray() && list.size() == threshold, item + " commitments", "not " + threshold + " commitments");
            ECPoint[] k = new ECPoint[threshold];
            List<String> texts = new ArrayList<>();
            for (int l = 0; l < threshold; l++) {
                texts.add(list.get(l).asText());
                k[l] = parsePoint(texts.get(l), item + " commitments");
            }
            Failed.unless(schnorr("chamyeo/trustee-coefficient", k[0], message.path("proof").asText(), item, electionId,
                    Integer.toString(i), P256.list(texts)), item + " proof", null);
            JsonNode shares = message.path("shares");
            Failed.unless(shares.isArray() && shares.size() == trustees - 1, item + " shares", "not " + (trustees - 1) + " shares");
            int s = 0;
            for (int j = 1; j <= trustees; j++) {
                if (j == i) {
                    continue;
                }
                JsonNode share = shares.get(s++);
                Failed.unless(share.path("from").asInt() == i && share.path("to").asInt() == j, item + " shares",
                        "share " + s + " is not from " + i + " to " + j);
                parsePoint(share.path("ephemeral").asText(), item + " shares");
                Failed.unless(NONCE.matcher(share.path("nonce").asText()).matches()
                        && SEALED.matcher(share.path("sealed").asText()).matches(), item + " shares", "nonce or sealed share malformed");
            }
            commitments[i - 1] = k;
        }
    }

    private void round2(JsonNode seats) {
        shareKeys = new ECPoint[trustees];
        for (int j = 1; j <= trustees; j++) {
            JsonNode message = seats.path(j - 1).path("round2");
            String item = "trustee " + j + " round 2";
            Failed.unless(electionId.equals(message.path("electionId").asText()) && message.path("trustee").asInt() == j, item,
                    "addressed to another election or seat");
            ECPoint shareKey = parsePoint(message.path("shareKey").asText(), item + " key");
            shareKeys[j - 1] = shareKey;
        }
        Failed.unless(commitments != null && Arrays.stream(commitments).allMatch(k -> k != null), "commitments",
                "round 1 is incomplete, so no verification key can be checked");
        for (int j = 1; j <= trustees; j++) {
            JsonNode message = seats.path(j - 1).path("round2");
            String item = "trustee " + j + " round 2";
            // S_j = Σ_i P_i(j)·G = Σ_i Σ_l j^l·K_il: one multi-scalar sum over all commitments.
            ECPoint[] points = new ECPoint[trustees * threshold];
            BigInteger[] powers = new BigInteger[trustees * threshold];
            for (int i = 0; i < trustees; i++) {
                BigInteger power = BigInteger.ONE;
                for (int l = 0; l < threshold; l++) {
                    points[i * threshold + l] = commitments[i][l];
                    powers[i * threshold + l] = power;
                    power = power.multiply(BigInteger.valueOf(j)).mod(P256.Q);
                }
            }
            Failed.unless(ECAlgorithms.sumOfMultiplies(points, powers).equals(shareKeys[j - 1]), item + " key",
                    "not what the commitments give for seat " + j);
            Failed.unless(schnorr("chamyeo/trustee-share", shareKeys[j - 1], message.path("proof").asText(), item, electionId,
                    Integer.toString(j)), item + " proof", null);
        }
    }

    private void electionKey() {
        Failed.unless(commitments != null && Arrays.stream(commitments).allMatch(k -> k != null), "commitments",
                "round 1 is incomplete");
        ECPoint sum = P256.CURVE.getInfinity();
        for (ECPoint[] k : commitments) {
            sum = sum.add(k[0]);
        }
        Failed.unless(sum.equals(publicKey), "public key", "the election's publicKey is not Σ K_i0");
    }

    /** §4.1 with base G: A′ = s·G − c·X; c = H(tag, P-256, G, X, context…, A′). */
    static boolean schnorr(String tag, ECPoint x, String proof, String item, String... context) {
        BigInteger[] cs = proofPair(proof, item + " proof");
        if (x.isInfinity()) {
            return false;
        }
        ECPoint a = P256.twoTerms(P256.G, cs[1], x, P256.Q.subtract(cs[0]));
        String[] parts = new String[context.length + 4];
        parts[0] = P256.NAME;
        parts[1] = P256.G_HEX;
        parts[2] = P256.hex(x);
        System.arraycopy(context, 0, parts, 3, context.length);
        parts[parts.length - 1] = P256.hex(a);
        return P256.challenge(tag, parts).equals(cs[0]);
    }

    // ---- board (§8.2) ------------------------------------------------------------------------------------------

    private void boardCiphertexts(JsonNode entries) {
        List<String> texts = new ArrayList<>(entries.size());
        entries.forEach(entry -> texts.add(entry.path("ciphertexts").textValue()));
        board = boardCiphertexts(entries, 0);
    }

    /** The entries' ciphertexts parsed; {@code offset} is the seq before the first entry. */
    private BallotList boardCiphertexts(JsonNode entries, long offset) {
        List<String> texts = new ArrayList<>(entries.size());
        entries.forEach(entry -> texts.add(entry.path("ciphertexts").textValue()));
        try {
            return BallotList.parse(texts, width, "entry");
        } catch (Failed failed) {
            // BallotList names positions from 0; board entries are named by seq.
            int index = Integer.parseInt(failed.item.substring("entry ".length()));
            throw new Failed("entry " + (offset + index + 1) + " ciphertexts", failed.getMessage());
        }
    }

    private void boardChain(JsonNode entries) {
        JsonNode board = record.path("board");
        String chain = boardLinks(entries, P256.hashHex("chamyeo/board", ballotId), 0);
        long seq = entries.size();
        Failed.unless(chain.equals(board.path("head").asText()), "head", "the last link is not the published head");
        Failed.unless(board.path("size").asLong() == seq, "size", "size " + board.path("size") + ", " + seq + " entries");
    }

    /** Checks the entries' seqs and links after {@code chain}, the link of seq {@code offset}; returns the last link. */
    private String boardLinks(JsonNode entries, String chain, long offset) {
        long seq = offset;
        for (JsonNode entry : entries) {
            seq++;
            Failed.unless(entry.path("seq").asLong() == seq, "entry " + seq + " seq", "seq " + entry.path("seq") + " where " + seq
                    + " follows");
            JsonNode proof = entry.path("proof");
            chain = P256.hashHex("chamyeo/board-entry", chain, Long.toString(seq), entry.path("tracker").asText(),
                    entry.path("ciphertexts").asText(), proof.isTextual() ? proof.textValue() : "-");
            Failed.unless(chain.equals(entry.path("chain").asText()), "entry " + seq + " chain", "does not follow from entry " + (seq - 1));
        }
        return chain;
    }

    private void trackers(JsonNode entries) {
        int n = entries.size();
        trackerHashes(entries, 0);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < n; i++) {
            Failed.unless(seen.add(entries.get(i).path("tracker").asText()), "entry " + (i + 1) + " duplicate tracker",
                    "an earlier entry has the same ciphertexts");
        }
    }

    private void trackerHashes(JsonNode entries, long offset) {
        int bad = firstFailing(entries.size(), i -> {
            JsonNode entry = entries.get(i);
            return P256.hashHex("chamyeo/tracker", ballotId, entry.path("ciphertexts").asText()).equals(entry.path("tracker").asText());
        });
        Failed.unless(bad < 0, "entry " + (offset + bad + 1) + " tracker", "not the hash of its ciphertexts");
    }

    private static long withProof(JsonNode entries) {
        long count = 0;
        for (JsonNode entry : entries) {
            count += entry.path("proof").isTextual() ? 1 : 0;
        }
        return count;
    }

    private void clientProofs(JsonNode entries) {
        clientProofs(entries, board, 0);
    }

    private void clientProofs(JsonNode entries, BallotList board, long offset) {
        Failed.unless(board != null, "ciphertexts", "the board's ciphertexts are malformed");
        if (withProof(entries) == 0) {
            return;
        }
        Failed.unless(rule != null && publicKey != null, "rule", "no valid rule or public key to check the proofs against");
        ClientBallot client = new ClientBallot(publicKey, ballotId, rule);
        Failed[] failures = new Failed[entries.size()];
        IntStream.range(0, entries.size()).parallel().forEach(i -> {
            JsonNode proof = entries.get(i).path("proof");
            if (proof.isTextual()) {
                try {
                    client.verify(proof.textValue(), board.alpha()[i], board.beta()[i]);
                } catch (Failed failed) {
                    failures[i] = failed;
                } catch (RuntimeException e) {
                    // A proof field of an unexpected JSON shape: a bad proof of this entry, not of the record.
                    failures[i] = new Failed("proof", e.toString());
                }
            }
        });
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] != null) {
                throw new Failed("entry " + (offset + i + 1) + " " + failures[i].item, failures[i].getMessage());
            }
        }
    }

    private void roll() {
        long roll = record.path("rollEntries").asLong(-1);
        long size = record.path("board").path("size").asLong(-1);
        Failed.unless(roll == size && roll >= 0, "roll entries", "rollEntries " + record.path("rollEntries") + ", board size " + size);
    }

    // ---- mixing (§7, §8.3) -------------------------------------------------------------------------------------

    private void mixes(Counted part) {
        JsonNode mixes = part.mixes();
        check(part.prefix() + "mixes", "one round per mixing trustee: " + threshold + " rounds by distinct seats (§8.3)", mixes.size(), () -> {
            int expected = part.size() == 0 ? 0 : threshold;
            Failed.unless(mixes.isArray() && mixes.size() == expected, "rounds", mixes.size() + " rounds, " + expected + " expected");
            Set<Integer> seats = new HashSet<>();
            for (int r = 1; r <= mixes.size(); r++) {
                JsonNode mix = mixes.get(r - 1);
                int seat = mix.path("seat").asInt();
                Failed.unless(mix.path("round").asInt() == r, "round " + r, "round " + mix.path("round") + " at position " + r);
                Failed.unless(seat >= 1 && seat <= trustees && seats.add(seat), "round " + r + " seat", "seat " + seat);
            }
        });
        lastRound = part.input();
        for (int r = 1; r <= mixes.size(); r++) {
            JsonNode mix = mixes.get(r - 1);
            BallotList input = lastRound;
            int round = r;
            lastRound = null;
            String context = part.mixContext() + r;
            check(part.prefix() + "mix round " + r, "proof of shuffle (Terelius–Wikström) of the previous list, context "
                            + context.replace(ballotId, "<ballot>") + " (§7.7)",
                    mix.path("ciphertexts").size(), () -> {
                        Failed.unless(input != null, "inputs", "the previous list is malformed");
                        List<String> texts = new ArrayList<>();
                        mix.path("ciphertexts").forEach(node -> texts.add(node.textValue()));
                        BallotList output = BallotList.parse(texts, width, "ciphertext");
                        // Later rounds and the decryption are checked on these outputs even if this proof fails, so
                        // that each failure is named where it is.
                        lastRound = output;
                        ShuffleCheck.verify(publicKey, context, input, output, mix.path("proof"));
                    });
        }
    }

    // ---- decryption (§6, §8.4) ---------------------------------------------------------------------------------

    private void decryptions(Counted part) {
        JsonNode partials = part.decryptions();
        String context = part.decryptionContext();
        TreeMap<Integer, JsonNode> bySeat = new TreeMap<>();
        check(part.prefix() + "decryption", "partial decryptions: at least " + threshold + " distinct seats, context = "
                        + (context.equals(ballotId) ? "ballot id" : context.replace(ballotId, "<ballot>")) + " (§6.2)",
                partials.size(), () -> {
                    for (JsonNode partial : partials) {
                        int seat = partial.path("trustee").asInt();
                        Failed.unless(seat >= 1 && seat <= trustees, "seat " + seat, "no such seat");
                        Failed.unless(context.equals(partial.path("contextId").asText()), "seat " + seat + " context",
                                partial.path("contextId").asText());
                        Failed.unless(bySeat.put(seat, partial) == null, "seat " + seat + " duplicate", "two partial decryptions");
                    }
                    Failed.unless(part.size() == 0 || bySeat.size() >= threshold, "quorum", bySeat.size() + " of " + threshold + " seats");
                });
        List<ECPoint[]> shares = new ArrayList<>();
        List<Integer> seats = new ArrayList<>();
        for (var partial : bySeat.entrySet()) {
            int seat = partial.getKey();
            int ciphertexts = lastRound == null ? 0 : lastRound.size() * width;
            check(part.prefix() + "decryption", "seat " + seat + ": Chaum–Pedersen proofs that D = s_j·α (§6.2)", ciphertexts, () -> {
                shares.add(decryption(seat, context, partial.getValue()));
                seats.add(seat);
            });
        }
        decrypted = null;
        if (lastRound != null && lastRound.size() == 0 && bySeat.isEmpty()) {
            decrypted = List.of();
        } else if (lastRound != null && seats.size() >= threshold) {
            // Seats whose shares failed are left out: any quorum of correct shares gives the same plaintexts.
            decrypted = combine(seats, shares);
        }
    }

    /** Checks one seat's shares and returns them. */
    private ECPoint[] decryption(int seat, String context, JsonNode partial) {
        Failed.unless(lastRound != null, "seat " + seat + " ciphertexts", "the last mixing round is missing or failed");
        ECPoint shareKey = shareKeys == null ? null : shareKeys[seat - 1];
        Failed.unless(shareKey != null, "seat " + seat + " verification key", "round 2 gives none");
        int count = lastRound.size() * width;
        JsonNode shares = partial.path("shares");
        JsonNode proofs = partial.path("proofs");
        Failed.unless(shares.size() == count && proofs.size() == count, "seat " + seat + " count",
                shares.size() + " shares, " + proofs.size() + " proofs for " + count + " ciphertexts");
        ECPoint[] d = new ECPoint[count];
        String shareKeyHex = P256.hex(shareKey);
        int bad = firstFailing(count, index -> {
            try {
                ECPoint alpha = lastRound.alpha()[index / width][index % width];
                d[index] = P256.point(shares.get(index).asText());
                return decryptionProof(publicKeyHex, context, seat, shareKey, shareKeyHex, alpha, d[index], proofs.get(index).asText());
            } catch (IllegalArgumentException | Failed e) {
                return false;
            }
        });
        Failed.unless(bad < 0, "seat " + seat + " ciphertext " + bad, "the share or its proof does not verify");
        return d;
    }

    /** §6.2: with A′ = s·G − c·S_j and B′ = s·α − c·D, c = H(decrypt, P-256, PK, context, j, S_j, α, D, A′, B′). */
    static boolean decryptionProof(String publicKeyHex, String contextId, int seat, ECPoint shareKey, String shareKeyHex, ECPoint alpha,
                                   ECPoint share, String proof) {
        BigInteger[] cs = proofPair(proof, "proof");
        BigInteger minusC = P256.Q.subtract(cs[0]);
        ECPoint a = P256.twoTerms(P256.G, cs[1], shareKey, minusC);
        ECPoint b = P256.twoTerms(alpha, cs[1], share, minusC);
        return P256.challenge("chamyeo/decrypt", P256.NAME, publicKeyHex, contextId, Integer.toString(seat), shareKeyHex, P256.hex(alpha),
                P256.hex(share), P256.hex(a), P256.hex(b)).equals(cs[0]);
    }

    /** §6.3: λ_j = Π_{m∈I, m≠j} m·(m − j)⁻¹ mod q, in the order of {@code seats}. */
    static BigInteger[] lagrange(List<Integer> seats) {
        BigInteger q = P256.Q;
        BigInteger[] lambda = new BigInteger[seats.size()];
        for (int a = 0; a < seats.size(); a++) {
            BigInteger j = BigInteger.valueOf(seats.get(a));
            lambda[a] = BigInteger.ONE;
            for (int m : seats) {
                if (m != seats.get(a)) {
                    BigInteger bm = BigInteger.valueOf(m);
                    lambda[a] = lambda[a].multiply(bm).multiply(bm.subtract(j).modInverse(q)).mod(q);
                }
            }
        }
        return lambda;
    }

    /** §6.3 over every seat that decrypted: M = β − Σ λ_j·D_j, decoded (§3) and held to the rule (§8.4). */
    private List<int[]> combine(List<Integer> seats, List<ECPoint[]> shares) {
        BigInteger[] minusLambda = Arrays.stream(lagrange(seats)).map(lambda -> P256.Q.subtract(lambda).mod(P256.Q))
                .toArray(BigInteger[]::new);
        int count = lastRound.size() * width;
        ECPoint[] plain = new ECPoint[count];
        IntStream.range(0, count).parallel().forEach(index -> {
            ECPoint[] points = new ECPoint[seats.size()];
            for (int a = 0; a < points.length; a++) {
                points[a] = shares.get(a)[index];
            }
            plain[index] = ECAlgorithms.sumOfMultiplies(points, minusLambda).add(lastRound.beta()[index / width][index % width]);
        });
        // One field inversion for all points instead of one each (Montgomery's trick).
        P256.CURVE.normalizeAll(plain);
        return IntStream.range(0, lastRound.size()).parallel().mapToObj(i -> {
            int[] chosen = Selections.decode(plain, i * width, options);
            return chosen != null && rule != null && rule.allows(chosen) ? chosen : null;
        }).toList();
    }

    private void plaintexts(JsonNode published) {
        Failed.unless(decrypted != null, "decryption", "no verified decryption of a quorum to compare with");
        Failed.unless(published.isArray() && published.size() == decrypted.size(), "count",
                published.size() + " plaintexts for " + decrypted.size() + " ballots");
        for (int i = 0; i < decrypted.size(); i++) {
            Failed.unless(Arrays.equals(decrypted.get(i), selection(published.get(i))), "plaintext " + i,
                    "published " + published.get(i) + ", decrypts to " + (decrypted.get(i) == null ? "null (invalid)"
                            : Arrays.toString(decrypted.get(i)).replace(" ", "")));
        }
    }

    /**
     * The result must count the ballots as decrypted; if the decryption could not be verified, it is checked against
     * the published plaintexts, so that a bad result is still named.
     */
    private void result(List<int[]> decrypted, JsonNode plaintexts) {
        JsonNode result = record.path("result");
        Failed.unless(result.isObject(), "result", "none published");
        List<int[]> counted = decrypted;
        if (counted == null) {
            counted = new ArrayList<>();
            for (JsonNode plaintext : plaintexts) {
                counted.add(selection(plaintext));
            }
        }
        long size = record.path("board").path("size").asLong();
        Failed.unless(result.path("voters").asLong(-1) == size, "voters", "voters " + result.path("voters") + ", board size " + size);
        long invalid = counted.stream().filter(p -> p == null).count();
        Failed.unless(result.path("invalid").asLong(-1) == invalid, "invalid", "invalid " + result.path("invalid") + ", " + invalid
                + " null plaintexts");
        long[] votes = new long[options];
        for (int[] chosen : counted) {
            if (chosen != null) {
                for (int index : chosen) {
                    votes[index]++;
                }
            }
        }
        JsonNode tallies = result.path("tallies");
        JsonNode optionList = record.path("ballot").path("options");
        Failed.unless(tallies.isArray() && tallies.size() == options, "tallies", "not one tally per option");
        for (int i = 0; i < options; i++) {
            String key = optionList.get(i).path("key").asText();
            JsonNode tally = tallies.get(i);
            Failed.unless(key.equals(tally.path("key").asText()), "tally " + i + " key", tally.path("key").asText() + " where " + key);
            Failed.unless(tally.path("votes").asLong(-1) == votes[i], "tally " + key, tally.path("votes") + " votes, " + votes[i]
                    + " counted");
        }
    }

    /** A published plaintext: null, or option indexes as a JSON array (kept in the order published). */
    private static int[] selection(JsonNode plaintext) {
        if (plaintext == null || plaintext.isNull()) {
            return null;
        }
        int[] chosen = new int[plaintext.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = plaintext.get(i).isInt() ? plaintext.get(i).asInt() : -1;
        }
        return chosen;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static ECPoint parsePoint(String text, String item) {
        try {
            return P256.point(text);
        } catch (IllegalArgumentException e) {
            throw new Failed(item, e.getMessage());
        }
    }

    /** A proof "c,s" as two scalars. */
    private static BigInteger[] proofPair(String text, String item) {
        try {
            String[] pair = P256.pair(text);
            return new BigInteger[] {P256.scalar(pair[0]), P256.scalar(pair[1])};
        } catch (IllegalArgumentException e) {
            throw new Failed(item, e.getMessage());
        }
    }

    /** The lowest index in [0, n) failing the test, or −1; every index is tested, on all cores. */
    private static int firstFailing(int n, IntPredicate ok) {
        return IntStream.range(0, n).parallel().filter(i -> !ok.test(i)).min().orElse(-1);
    }
}
