package kr.chamyeo.voting.record;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
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
            + "While counting, the parts not yet done are empty.")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Voting has not ended: the board is not final")
    public Map<String, Object> record(@PathParam("id") UUID id) {
        return records.of(id);
    }
}
