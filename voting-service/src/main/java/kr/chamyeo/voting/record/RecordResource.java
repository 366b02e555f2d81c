package kr.chamyeo.voting.record;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/ballots/{id}/record")
@Tag(name = "Election record", description = "선거 기록: everything an independent verifier needs (PROTOCOL.md §8)")
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    @Inject
    ElectionRecord records;

    @GET
    @PermitAll
    @Operation(summary = "The election record (선거 기록)", description = "Public data only, as one JSON document: the group, the "
            + "election's trustees with every ceremony message and the public key, the ballot's options and rule, the whole board "
            + "with its chain, every mixing round with its proof of shuffle, every trustee's decryption shares with proofs, the "
            + "decrypted ballots in the last round's order, the result, and the number of roll entries. From it alone anyone can "
            + "check that the result counts exactly the ballots cast, once each (the verifier in voting-service/verifier does). "
            + "While counting, the parts not yet done are empty. A ballot counted in several batches (묶음, PROTOCOL.md §8.6) gets "
            + "a header instead: all of the above but the board's entries, the mixes, the decryptions and the plaintexts, "
            + "plus batches {count, size}; the board is then read in pages (…/record/board) and each batch on its own "
            + "(…/record/batches/{batch}).")
    @APIResponse(responseCode = "200", description = "The record, or its header")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Voting has not ended: the board is not final")
    public Map<String, Object> record(@PathParam("id") UUID id) {
        return records.of(id);
    }

    @GET
    @Path("/board")
    @PermitAll
    @Operation(summary = "The record's board, one page (선거 기록: 게시판 한 쪽)", description = "The frozen board's entries "
            + "{seq, tracker, ciphertexts, proof, chain} from seq 'from' on, at most 'limit', in seq order, with the board's size "
            + "and head and the 'from' of the next page (null after the last entry). Public, like the record.")
    @APIResponse(responseCode = "200", description = "One page",
            content = @Content(schema = @Schema(implementation = ElectionRecord.BoardPage.class)))
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Voting has not ended: the board is not final")
    @APIResponse(responseCode = "422", description = "'from' below 1 or 'limit' outside 1..10000")
    public ElectionRecord.BoardPage board(@PathParam("id") UUID id,
                                     @QueryParam("from") @DefaultValue("1") @Parameter(description = "first seq", example = "1") long from,
                                     @QueryParam("limit") @DefaultValue("10000")
                                     @Parameter(description = "entries, 1..10000", example = "10000") int limit) {
        return records.board(id, from, limit);
    }

    @GET
    @Path("/batches/{batch}")
    @PermitAll
    @Operation(summary = "One batch of the record (선거 기록: 묶음)", description = "Batch 'batch' (from 0) as PROTOCOL.md §8.6 and "
            + "§8.5 define it: {index, trackers, inputs, mixes, decryptions, plaintexts} — its members' trackers and ciphertexts "
            + "in round-1 order, its mixing rounds with their proofs of shuffle, its trustees' decryption shares with proofs "
            + "and, once the ballot is counted, its decrypted ballots in its last round's order. Public, like the record.")
    @APIResponse(responseCode = "200", description = "The batch",
            content = @Content(schema = @Schema(implementation = ElectionRecord.BatchPage.class)))
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Voting has not ended: the board is not final")
    @APIResponse(responseCode = "422", description = "No such batch")
    public ElectionRecord.BatchPage batch(@PathParam("id") UUID id, @PathParam("batch") @Parameter(description = "묶음 (batch), from 0",
            example = "0") int batch) {
        return records.batch(id, batch);
    }
}
