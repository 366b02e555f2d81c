package kr.chamyeo.voting.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;

import kr.chamyeo.platform.problem.Problem;
import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotEvents.Tally;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.closing.BulletinHash;
import kr.chamyeo.voting.result.Turnout.Cell;

@Path("/ballots/{id}")
@Tag(name = "Results", description = "개표 결과, 투표율, 공개 게시판 (results, turnout, bulletin)")
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {

    @Schema(description = "선택지별 득표")
    public record OptionResult(@Schema(example = "p-17") String key, @Schema(example = "독산동 어린이 놀이터 개선") String label,
                               Long cost, long votes) {
    }

    @Schema(description = "투표율 (from the roll, never linked to choices; cells under 5 voters suppressed)")
    public record TurnoutView(List<Cell> bySex, @Schema(description = "≤29, 30대, 40대, 50대, 60+") List<Cell> byAgeBand,
                              @Schema(description = "청년 (19–39세)") Cell youth19to39, List<Cell> byDong, int suppressionThreshold) {
    }

    @Schema(description = "개표 결과")
    public record Results(UUID ballotId, @Schema(description = "true: final (closed); false: live results while voting") boolean closed,
                          long voters, List<OptionResult> tallies, TurnoutView turnout,
                          @Schema(description = "Live results: when the snapshot shown was taken (null before the first, which "
                                  + "waits for 5 votes); snapshots are replaced at most every 10 minutes and only after 5 new "
                                  + "votes. Null for final results.") Instant asOf) {
    }

    @Schema(description = "공개 게시판 항목")
    public record BulletinEntry(@Schema(description = "SHA-256 of the receipt code") String receiptHash, List<String> choices) {
    }

    @Schema(description = "공개 게시판 (bulletin board) page")
    public record Bulletin(UUID ballotId, long voters, @Schema(description = "SHA-256 over the whole list") String bulletinHash,
                           @Schema(description = "How the hash is computed") String hashFormat, List<BulletinEntry> entries,
                           @Schema(description = "Pass as 'after' for the next page; null on the last page") String next) {
    }

    /**
     * Results and bulletin of a closed ballot never change again: browsers and CDNs may keep them, so the rush of
     * residents opening the results page when a city-wide ballot closes is answered by caches, not by this service.
     */
    static final String FINAL = "public, max-age=300";

    @Inject
    BallotStore ballots;

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    LiveResults live;

    @Inject
    TurnoutQuery turnoutQuery;

    @GET
    @Path("/results")
    @PermitAll
    @Operation(summary = "Results and turnout (개표 결과·투표율)", description = "Counts per option and turnout by sex, age band "
            + "(≤29, 30대, 40대, 50대, 60+, 청년 19–39) and dong (행정동). Final after closing; before closing only if the ballot "
            + "allows live results, and then as a snapshot replaced at most every 10 minutes and only after at least 5 new "
            + "votes, so that comparing two answers never shows a single vote. Turnout comes from the roll and never joins the choices; cells under 5 voters are "
            + "suppressed (null) so nobody's participation can be singled out.")
    @APIResponse(responseCode = "200", description = "Results", content = @Content(schema = @Schema(implementation = Results.class)),
            headers = @Header(name = "Cache-Control", description = "`" + FINAL + "` once final (closed); live results are not cached",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such ballot",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not closed and live results are off",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Results results(@PathParam("id") UUID id, @Context HttpServerResponse response) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        BallotStore.State state = ballots.state(id);
        long[] counts = new long[ballot.options().size()];
        long voters;
        TurnoutView turnout;
        Instant asOf = null;
        if (state.closed()) {
            List<Tally> tallies = read(state.talliesJson());
            for (int i = 0; i < counts.length; i++) {
                counts[i] = tallies.get(i).votes();
            }
            voters = state.voters();
            turnout = turnoutQuery.of(id);
        } else if (ballot.liveResults()) {
            LiveResults.Snapshot snapshot = live.current(ballot);
            System.arraycopy(snapshot.counts(), 0, counts, 0, counts.length);
            voters = snapshot.voters();
            turnout = snapshot.turnout();
            asOf = snapshot.takenAt();
        } else {
            throw ProblemException.conflict("results-not-public", "Results of this ballot are published when it closes")
                    .with("closesAt", ballot.closesAt().toString());
        }
        List<OptionResult> tallies = new ArrayList<>(counts.length);
        for (int i = 0; i < counts.length; i++) {
            var option = ballot.options().get(i);
            tallies.add(new OptionResult(option.key(), option.label(), option.cost(), counts[i]));
        }
        if (state.closed()) {
            response.putHeader("Cache-Control", FINAL);
        }
        return new Results(id, state.closed(), voters, tallies, turnout, asOf);
    }

    @GET
    @Path("/bulletin")
    @PermitAll
    @Operation(summary = "Public bulletin (공개 게시판)", description = "After closing: every counted box entry (receipt hash and "
            + "chosen keys) in bulletin order (ascending receipt hash, a random order unrelated to voting time) and the SHA-256 "
            + "over the whole list, so anyone can recount and find their own receipt. Paged with 'after'.")
    @APIResponse(responseCode = "200", description = "One page of the bulletin",
            headers = @Header(name = "Cache-Control", description = "`" + FINAL + "`: the bulletin of a closed ballot never changes",
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = Bulletin.class),
                    examples = @ExampleObject(value = "{\"ballotId\":\"6f1e…\",\"voters\":2,\"bulletinHash\":\"…\",\"entries\":"
                            + "[{\"receiptHash\":\"0a1b…\",\"choices\":[\"p-1\",\"p-3\"]}],\"next\":null}")))
    @APIResponse(responseCode = "400", description = "Bad paging parameters",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such ballot",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Ballot not closed yet",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public Bulletin bulletin(@PathParam("id") UUID id,
                             @QueryParam("after") @Pattern(regexp = "[0-9a-f]{64}", message = "a receipt hash (64 lowercase hex digits)") String after,
                             @QueryParam("limit") @DefaultValue("1000") @Min(1) @Max(10000) int limit,
                             @Context HttpServerResponse response) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        BallotStore.State state = ballots.state(id);
        if (!state.closed()) {
            throw ProblemException.conflict("ballot-not-closed", "The bulletin is published when the ballot closes");
        }
        response.putHeader("Cache-Control", FINAL);
        HexFormat hex = HexFormat.of();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select receipt_hash, array_to_string(choices, ',') from voting_box "
                        + "where ballot_id = ?1 and receipt_hash > ?2 order by receipt_hash limit ?3")
                .setParameter(1, id).setParameter(2, after == null ? new byte[0] : hex.parseHex(after)).setParameter(3, limit)
                .getResultList();
        List<BulletinEntry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            List<String> keys = new ArrayList<>();
            String indexes = (String) row[1];
            if (!indexes.isEmpty()) {
                for (String index : indexes.split(",")) {
                    keys.add(ballot.keyOf(Integer.parseInt(index)));
                }
            }
            entries.add(new BulletinEntry(hex.formatHex((byte[]) row[0]), keys));
        }
        String next = rows.size() == limit ? entries.get(entries.size() - 1).receiptHash() : null;
        return new Bulletin(id, state.voters(), state.bulletinHash(),
                "sha256 over lines '" + BulletinHash.line("<receiptHash>", List.of("<key>", "<key>")).strip()
                        + "\\n' in the listed order (ascending receiptHash), keys in option order", entries, next);
    }

    private List<Tally> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<Tally>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
