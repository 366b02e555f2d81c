package kr.chamyeo.verifier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The pages of an election record counted in several batches (PROTOCOL.md §8.5): the board in pages and one page per
 * batch. {@link HttpRecord} reads them from the service; a test or an archive may serve them from anywhere.
 */
public interface RecordPages {

    /** {@code GET …/record/board?from=<from>}: {@code {size, head, from, entries, next}}. */
    JsonNode board(long from);

    /** {@code GET …/record/batches/<batch>}: {@code {index, trackers, inputs, mixes, decryptions, plaintexts}}. */
    JsonNode batch(int batch);
}
