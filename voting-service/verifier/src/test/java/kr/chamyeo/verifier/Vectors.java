package kr.chamyeo.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON test vectors of PROTOCOL.md, read from the document itself (voting-election's ProtocolVectorsTest keeps
 * them equal to what the reference code computes), so this verifier is held to the reference values without
 * sharing a line of code with it.
 */
final class Vectors {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path DOCUMENT = Path.of("../election/PROTOCOL.md");

    private Vectors() {
    }

    /** A fresh, mutable copy of the block {@code <!-- vector: name -->}. */
    static ObjectNode get(String name) {
        try {
            String document = Files.readString(DOCUMENT, StandardCharsets.UTF_8);
            Matcher block = Pattern.compile("<!-- vector: " + Pattern.quote(name) + " -->\n```json\n(.*?)```", Pattern.DOTALL)
                    .matcher(document);
            if (!block.find()) {
                throw new IllegalStateException("PROTOCOL.md has no vector " + name);
            }
            return (ObjectNode) JSON.readTree(block.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
