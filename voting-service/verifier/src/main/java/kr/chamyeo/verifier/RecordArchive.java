package kr.chamyeo.verifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record of several batches kept in a directory, so that it can be checked again offline, later, by anyone it is
 * given to: {@code record.json} (the header), {@code board-<from>.json} (the board pages as the service served them)
 * and {@code batch-<b>.json}. {@link #keeping} writes the pages while the verifier reads them from the service.
 */
public final class RecordArchive implements RecordPages {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path directory;

    public RecordArchive(Path directory) {
        this.directory = directory;
    }

    /** The header (or whole record) kept in {@code directory}. */
    public JsonNode header() {
        return read(directory.resolve("record.json"));
    }

    @Override
    public JsonNode board(long from) {
        return read(directory.resolve("board-" + from + ".json"));
    }

    @Override
    public JsonNode batch(int batch) {
        return read(directory.resolve("batch-" + batch + ".json"));
    }

    /** {@code source}'s pages, each also written to {@code directory} (created if needed) with the header. */
    public static RecordPages keeping(JsonNode header, RecordPages source, Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(directory.resolve("record.json"), header);
        return new RecordPages() {
            @Override
            public JsonNode board(long from) {
                return write(directory.resolve("board-" + from + ".json"), source.board(from));
            }

            @Override
            public JsonNode batch(int batch) {
                return write(directory.resolve("batch-" + batch + ".json"), source.batch(batch));
            }
        };
    }

    private static JsonNode write(Path file, JsonNode page) {
        try {
            MAPPER.writeValue(file.toFile(), page);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
