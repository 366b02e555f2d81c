package kr.chamyeo.voting.board;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kr.chamyeo.voting.ballot.BoardChain.Entry;

@Path("/ballots/{id}/board")
@Tag(name = "Board", description = "공개 게시판: every cast ballot as ciphertexts, in a hash chain (PROTOCOL.md §8)")
@Produces(MediaType.APPLICATION_JSON)
public class BoardResource {

    @Schema(name = "BoardPage", description = "One page of the board (게시판 한 쪽)")
    public record Page(UUID ballotId, @Schema(description = "entries on the board so far") long size,
                       @Schema(description = "chain value after the last entry (the head)") String head, List<Entry> entries,
                       @Schema(description = "seq to pass as 'after' for the next page; null at the end") Long next) {
    }

    @Schema(description = "추적 번호 확인 요청: the tracker travels in the body, never in a URL or a log line")
    public record Lookup(@Schema(example = "9b2c…64 hex…") @NotNull
                         @Pattern(regexp = "[0-9a-f]{64}", message = "a tracker is 64 lowercase hex digits") String tracker) {
    }

    @Inject
    BoardReader board;

    @GET
    @PermitAll
    @Operation(summary = "The public board (공개 게시판)", description = "Cast ballots in casting order: tracker, ciphertexts, the "
            + "voter's proofs (client-encrypted ballots) and the chain value after each entry; never the voter. Anyone can "
            + "recompute the chain from H(\"chamyeo/board\", ballotId) and compare it with the head published at closing.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = Page.class)))
    @APIResponse(responseCode = "400", description = "Bad paging parameters")
    @APIResponse(responseCode = "404", description = "No such ballot")
    public Page page(@PathParam("id") UUID id, @QueryParam("after") @DefaultValue("0") @Min(0) long after,
                     @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit) {
        return board.page(id, after, limit);
    }

    @POST
    @Path("/lookup")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Find my ballot on the board (투표 확인)", description = "A voter checks that the ballot with their tracker "
            + "is on the board and gets its entry and chain value. The tracker is sent in the body so that it never appears in a "
            + "URL or an access log.")
    @APIResponse(responseCode = "200", description = "The entry", content = @Content(schema = @Schema(implementation = Entry.class)))
    @APIResponse(responseCode = "400", description = "Not a tracker")
    @APIResponse(responseCode = "404", description = "No ballot with this tracker on this board")
    public Entry lookup(@PathParam("id") UUID id, @Valid @NotNull Lookup lookup) {
        return board.lookup(id, lookup.tracker());
    }
}
