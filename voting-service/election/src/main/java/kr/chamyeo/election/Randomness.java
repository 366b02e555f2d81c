package kr.chamyeo.election;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Where provers draw their nonces from. Production code always uses {@link #SECURE}; the only other source is
 * the fixed one the PROTOCOL.md test vectors are generated with, so that the document can be checked byte for
 * byte against the code.
 */
interface Randomness {

    /** A uniformly random scalar in [1, q−1]. */
    BigInteger scalar();

    /** {@code length} random bytes (AES-GCM nonces). */
    byte[] bytes(int length);

    Randomness SECURE = new Randomness() {
        private final ThreadLocal<SecureRandom> random = ThreadLocal.withInitial(SecureRandom::new);

        @Override
        public BigInteger scalar() {
            return Group.randomScalar(random.get());
        }

        @Override
        public byte[] bytes(int length) {
            byte[] bytes = new byte[length];
            random.get().nextBytes(bytes);
            return bytes;
        }
    };
}
