package kr.chamyeo.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class CallerTagsTest {

    private static final String SECRET = "a-gateway-log-secret-of-at-least-32-chars";

    @Test
    void aTagIsNotTheUnkeyedHashAndDependsOnTheSecret() throws Exception {
        String subject = "resident-11545-0001";
        String unkeyed = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(subject.getBytes(StandardCharsets.UTF_8)), 0, 5);
        String tag = new CallerTags(SECRET).tag(subject);
        assertEquals(10, tag.length(), "40 bits, as before");
        assertNotEquals(unkeyed, tag, "a list of subjects must not reverse the tag");
        assertNotEquals(tag, new CallerTags(SECRET + "-rotated").tag(subject));
        assertEquals(tag, new CallerTags(SECRET).tag(subject), "stable under one secret, to follow one caller");
        assertNotEquals(tag, new CallerTags(SECRET).tag("resident-11545-0002"));
    }

    @Test
    void aMissingOrShortSecretIsRefused() {
        assertThrows(IllegalStateException.class, () -> new CallerTags(null));
        assertThrows(IllegalStateException.class, () -> new CallerTags("x".repeat(CallerTags.MIN_SECRET_LENGTH - 1)));
    }
}
