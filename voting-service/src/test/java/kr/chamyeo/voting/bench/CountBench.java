package kr.chamyeo.voting.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;

import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotEvents.BallotBoxChunk;
import kr.chamyeo.voting.ballot.BallotSpec.Eligibility;
import kr.chamyeo.voting.ballot.BallotSpec.Option;
import kr.chamyeo.voting.ballot.BallotSpec.Rule;
import kr.chamyeo.voting.ballot.BallotSpec.RuleType;
import kr.chamyeo.voting.counting.CountedBallots;
import kr.chamyeo.voting.counting.Counter;

/**
 * deploy/bench/counting's figure for counting decrypted ballots (issue 21 "Speed": 1,000,000 in ≤ 2 s; not a test):
 * the in-memory work of {@link Counter#finish} on {@code COUNT} (default 1,000,000) decoded selections of a 10-option
 * APPROVAL ballot, 1 in 1,000 invalid — the rule check ({@link Ballot#allows}), the tallies, the stored plaintext list,
 * the {@code BallotBoxChunk}s of option keys and their JSON (what the outbox writes) — {@link CountedBallots}, as
 * {@code Counter.finish} calls it; its database statements (one outbox insert per 50 chunks, one ballot update) are left out.
 * Decoding the points ({@code Selection.decode}) is part of decryption and timed by CountingBench. Five passes; the
 * first ones warm the JIT.
 */
public final class CountBench {

    private static final int OPTIONS = 10;

    private CountBench() {
    }

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(System.getenv().getOrDefault("COUNT", "1000000"));
        List<Option> options = IntStream.range(0, OPTIONS).mapToObj(i -> new Option("o-" + i, "사업 " + i, (i + 1) * 10_000_000L)).toList();
        Ballot ballot = new Ballot(UUID.randomUUID(), "bench", "bench-officer", "개표 시험", null, "11545", null, Eligibility.ANYONE,
                Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), options, new Rule(RuleType.APPROVAL, 1, 3, null), false,
                UUID.randomUUID());
        SplittableRandom random = new SplittableRandom(21);
        List<int[]> plaintexts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i % 1000 == 999) {
                plaintexts.add(null);
                continue;
            }
            int size = 1 + random.nextInt(3);
            int mask = 0;
            while (Integer.bitCount(mask) < size) {
                mask |= 1 << random.nextInt(OPTIONS);
            }
            final int m = mask;
            plaintexts.add(IntStream.range(0, OPTIONS).filter(b -> (m & (1 << b)) != 0).toArray());
        }
        ObjectMapper mapper = new ObjectMapper();
        System.out.printf("count bench: %,d decrypted ballots (10-option APPROVAL, 1..3 chosen, 1 in 1,000 invalid), one thread%n", count);
        for (int pass = 1; pass <= 5; pass++) {
            long start = System.nanoTime();
            CountedBallots counted = CountedBallots.of(ballot, plaintexts);
            long tallied = System.nanoTime();
            int chunks = counted.chunks();
            long bytes = 0;
            for (int chunk = 0; chunk < chunks; chunk++) {
                bytes += mapper.writeValueAsString(new BallotBoxChunk(ballot.id().toString(), ballot.correlationId(), chunk, chunks,
                        counted.chunk(ballot, chunk))).length();
            }
            long end = System.nanoTime();
            System.out.printf("pass %d: %.3f s total = tally, rule check and stored list %.3f s + %d chunks as JSON (%.0f MB) %.3f s; "
                            + "invalid %d; tallies %s%n", pass, (end - start) / 1e9, (tallied - start) / 1e9, chunks, bytes / 1e6,
                    (end - tallied) / 1e9, plaintexts.size() - counted.valid().size(), Arrays.toString(counted.counts()));
            if (pass == 5) {
                System.out.printf("COUNT %,d decrypted ballots: %.2f s (target <= 2 s: %s); load average %s%n", count, (end - start) / 1e9,
                        (end - start) / 1e9 <= 2 ? "met" : "MISSED", new String(java.nio.file.Files.readAllBytes(
                                java.nio.file.Path.of("/proc/loadavg"))).trim());
            }
        }
    }
}
