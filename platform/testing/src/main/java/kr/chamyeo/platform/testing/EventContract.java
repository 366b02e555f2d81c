package kr.chamyeo.platform.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * An event type's contract is kept once, in the AsyncAPI document ({@code gateway/src/main/resources/asyncapi.yaml}:
 * a data schema and an example per type). Services keep their own record of an event (services share no code), and
 * each such copy is held to that one contract here, so that a copy that drifts fails its service's build: a producer's
 * record must read the example strictly and write it back unchanged, send every required property and none the schema
 * lacks; a consumer's record may read a subset, but each of its components must be a property of the schema and read
 * the example's value.
 */
public final class EventContract {

    private static final String DOCUMENT = "gateway/src/main/resources/asyncapi.yaml";

    private static final ObjectMapper STRICT = new ObjectMapper().findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final ObjectMapper LENIENT = STRICT.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static JsonNode document;

    private EventContract() {
    }

    /** The record a service publishes {@code type} as: the contract's example reads strictly and writes back unchanged. */
    public static void assertProduces(String type, Class<? extends Record> record) {
        JsonNode example = example(type);
        JsonNode written = STRICT.valueToTree(read(STRICT, example, record, type));
        assertTrue(example.equals(NUMBERS_BY_VALUE, written), type + ": " + record.getName() + " writes " + written
                + " for the contract's example " + example);
        Set<String> unknown = new TreeSet<>(components(record));
        unknown.removeAll(properties(type));
        assertEquals(Set.of(), unknown, type + ": " + record.getName() + " sends properties the contract does not have");
        Set<String> missing = new TreeSet<>(required(type));
        missing.removeAll(components(record));
        assertEquals(Set.of(), missing, type + ": " + record.getName() + " lacks properties the contract requires");
    }

    /** The record a service reads {@code type} into: its components are the schema's and read the example's values. */
    public static void assertConsumes(String type, Class<? extends Record> record) {
        JsonNode example = example(type);
        Set<String> unknown = new TreeSet<>(components(record));
        unknown.removeAll(properties(type));
        assertEquals(Set.of(), unknown, type + ": " + record.getName() + " reads properties the contract does not have");
        JsonNode written = STRICT.valueToTree(read(LENIENT, example, record, type));
        for (String name : components(record)) {
            JsonNode expected = example.path(name);
            assertTrue(expected.isMissingNode() || expected.equals(NUMBERS_BY_VALUE, written.path(name)),
                    type + "." + name + ": " + record.getName() + " reads " + written.path(name) + " from " + expected);
        }
    }

    /** The {@code data} of the contract's first example of {@code type}. */
    public static JsonNode example(String type) {
        JsonNode examples = document().path("components").path("messages").path(type).path("examples");
        assertTrue(examples.isArray() && !examples.isEmpty(), type + " has no example in " + DOCUMENT);
        return examples.get(0).path("payload").path("data");
    }

    private static Set<String> properties(String type) {
        JsonNode schema = document().path("components").path("schemas").path(type + "Data").path("properties");
        assertTrue(schema.isObject(), type + "Data has no properties in " + DOCUMENT);
        List<String> names = new ArrayList<>();
        schema.fieldNames().forEachRemaining(names::add);
        return new TreeSet<>(names);
    }

    private static Set<String> required(String type) {
        Set<String> names = new TreeSet<>();
        document().path("components").path("schemas").path(type + "Data").path("required").forEach(n -> names.add(n.asText()));
        return names;
    }

    private static Set<String> components(Class<? extends Record> record) {
        return new TreeSet<>(Arrays.stream(record.getRecordComponents()).map(c -> c.getName()).toList());
    }

    private static Object read(ObjectMapper mapper, JsonNode example, Class<?> record, String type) {
        try {
            return mapper.treeToValue(example, record);
        } catch (IOException e) {
            throw new AssertionError(type + ": the contract's example does not read into " + record.getName() + ": " + e.getMessage(), e);
        }
    }

    private static synchronized JsonNode document() {
        if (document == null) {
            Path dir = Path.of("").toAbsolutePath();
            while (dir != null && !Files.exists(dir.resolve(DOCUMENT))) {
                dir = dir.getParent();
            }
            if (dir == null) {
                throw new IllegalStateException(DOCUMENT + " not found above " + Path.of("").toAbsolutePath());
            }
            try {
                document = new ObjectMapper(new YAMLFactory()).readTree(dir.resolve(DOCUMENT).toFile());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return document;
    }

    /** YAML reads 100000000 as an int and a record writes a long: equal numbers are equal, whatever their width. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };
}
