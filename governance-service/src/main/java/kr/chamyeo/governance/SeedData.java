package kr.chamyeo.governance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * The seed data files under {@code seed-data/}: CSV with '#' comment lines (where each file says how it follows its
 * seed), one header row, and quoted fields where a value holds a comma.
 */
public final class SeedData {

    private static final CsvMapper CSV = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).build();

    private SeedData() {
    }

    /** The rows after the header, each as its fields (an empty field is ""). */
    public static List<String[]> rows(String resource) {
        try (InputStream in = SeedData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing seed data " + resource);
            }
            try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).with(CsvSchema.emptySchema().withComments())
                    .readValues(in)) {
                List<String[]> all = rows.readAll();
                return all.subList(Math.min(1, all.size()), all.size());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
