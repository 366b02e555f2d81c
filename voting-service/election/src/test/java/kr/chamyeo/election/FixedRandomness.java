package kr.chamyeo.election;

import java.math.BigInteger;
import java.util.Arrays;

/** A reproducible nonce source for test vectors: the i-th value is SHA-256("chamyeo/test-vector|seed|i"). */
final class FixedRandomness implements Randomness {

    private final String seed;
    private int counter;

    FixedRandomness(String seed) {
        this.seed = seed;
    }

    @Override
    public synchronized BigInteger scalar() {
        return new BigInteger(1, Hash.digest("chamyeo/test-vector", seed, counter++)).mod(Group.order());
    }

    @Override
    public synchronized byte[] bytes(int length) {
        return Arrays.copyOf(Hash.digest("chamyeo/test-vector", seed, counter++), length);
    }
}
