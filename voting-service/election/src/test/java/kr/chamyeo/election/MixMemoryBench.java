package kr.chamyeo.election;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

import kr.chamyeo.election.shuffle.Shuffle;
import kr.chamyeo.election.shuffle.ShuffleProof;

/**
 * deploy/bench/counting's memory phase (voting-service/README.md "How large a ballot can be counted"; not a test): how
 * much heap checking one trustee's shuffle takes, per ciphertext, the way voting-service holds it — the posted
 * ciphertexts and proof as the strings JSON binding makes, the previous round as one stored text split into lines,
 * every line parsed into points, then {@link Shuffle#verify}. {@code make DIR N} writes a shuffle of N one-ciphertext
 * ballots into DIR, line files as the post and the database carry them; {@code check DIR} reads and verifies it, and
 * is what the script runs at decreasing heaps to find the smallest that holds it. Also prints the post's size.
 */
public final class MixMemoryBench {

    private static final String CONTEXT = "memory-bench/mix/1";

    private MixMemoryBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[1]);
        if (args[0].equals("make")) {
            make(dir, Integer.parseInt(args[2]));
        } else {
            check(dir);
        }
    }

    private static void make(Path dir, int n) throws IOException {
        Files.createDirectories(dir);
        ECPoint pk = Group.base(Group.randomScalar());
        List<List<Ciphertext>> board = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            board.add(List.of(Ciphertext.encrypt(pk, Group.base(BigInteger.valueOf(1 + i % 1024)), Group.randomScalar())));
        }
        Shuffle.Result mixed = Shuffle.shuffle(pk, CONTEXT, board);
        ShuffleProof p = mixed.proof();
        List<String> output = mixed.outputs().stream().map(BallotText::of).toList();
        write(dir, "key", List.of(Group.hex(pk)));
        write(dir, "input", board.stream().map(BallotText::of).toList());
        write(dir, "output", output);
        write(dir, "u", p.permutationCommitment());
        write(dir, "b", p.chain());
        write(dir, "b-prime", p.chainCommitments());
        write(dir, "k-b", p.kB());
        write(dir, "k-e", p.kE());
        write(dir, "f-prime", p.fPrime());
        write(dir, "k-f", p.kF());
        write(dir, "single", List.of(p.aPrime(), p.cPrime(), p.dPrime(), p.kA(), p.kC(), p.kD()));
        long post = 0;
        for (List<String> list : List.of(output, p.permutationCommitment(), p.chain(), p.chainCommitments(), p.kB(), p.kE())) {
            for (String item : list) {
                post += item.length() + 3; // quotes and comma of a JSON array item
            }
        }
        System.out.printf("shuffle post of %,d one-ciphertext ballots: %,d bytes of JSON, %d bytes per ciphertext%n", n, post,
                post / n);
    }

    private static void check(Path dir) throws IOException {
        ECPoint pk = Group.point(Files.readString(dir.resolve("key")).strip());
        List<String> single = read(dir, "single");
        ShuffleProof proof = new ShuffleProof(read(dir, "u"), read(dir, "b"), read(dir, "b-prime"), single.get(0), single.get(1),
                single.get(2), read(dir, "f-prime"), single.get(3), read(dir, "k-b"), single.get(4), single.get(5), read(dir, "k-e"),
                read(dir, "k-f"));
        List<String> output = read(dir, "output");
        // The previous round as CountingService reads it: one stored text, split into lines.
        List<String> input = Arrays.asList(Files.readString(dir.resolve("input")).split("\n"));
        List<List<Ciphertext>> in = new ArrayList<>(input.size());
        List<List<Ciphertext>> out = new ArrayList<>(output.size());
        input.forEach(line -> in.add(BallotText.parse(line, 1)));
        output.forEach(line -> out.add(BallotText.parse(line, 1)));
        if (!Shuffle.verify(pk, CONTEXT, in, out, proof)) {
            throw new IllegalStateException("the shuffle did not verify");
        }
        System.out.printf("verified %,d ciphertexts in a heap of %d MB%n", in.size(), Runtime.getRuntime().maxMemory() >> 20);
    }

    private static void write(Path dir, String name, List<String> lines) throws IOException {
        Files.writeString(dir.resolve(name), String.join("\n", lines));
    }

    private static List<String> read(Path dir, String name) throws IOException {
        String text = Files.readString(dir.resolve(name));
        return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
}
