package kr.chamyeo.voting.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;

import kr.chamyeo.platform.problem.ProblemException;
import kr.chamyeo.voting.ballot.Ballot;
import kr.chamyeo.voting.ballot.BallotEvents.Tally;
import kr.chamyeo.voting.ballot.BallotStore;
import kr.chamyeo.voting.result.Turnout.Cell;

@Path("/ballots/{id}")
@Tag(name = "Results", description = "Results and turnout (개표 결과, 투표율)")
@Produces(MediaType.APPLICATION_JSON)
public class ResultResource {

    @Schema(description = "Votes per option (선택지별 득표)")
    public record OptionResult(@Schema(example = "p-17") String key, @Schema(example = "독산동 어린이 놀이터 개선") String label,
                               Long cost, long votes) {
    }

    @Schema(description = "투표율 (from the roll, never linked to choices; cells under 5 voters suppressed)")
    public record TurnoutView(List<Cell> bySex, @Schema(description = "Age bands: ≤29, 30s (30대), 40s (40대), 50s (50대), 60+") List<Cell> byAgeBand,
                              @Schema(description = "Youth (청년), aged 19–39 (19–39세)") Cell youth19to39, List<Cell> byDong, int suppressionThreshold) {
    }

    @Schema(description = "Count results (개표 결과)")
    public record Results(UUID ballotId, @Schema(description = "true: final (counted); false: live turnout while voting") boolean closed,
                          long voters,
                          @Schema(description = "무효표: decrypted ballots that break the rule (client-encrypted APPROVAL/BUDGET); 0 while voting")
                          long invalid,
                          @Schema(description = "득표; empty while voting: ballots are encrypted until the trustees count them")
                          List<OptionResult> tallies, TurnoutView turnout,
                          @Schema(description = "Live results: when the snapshot shown was taken (null before the first, which "
                                  + "waits for 5 votes); snapshots are replaced at most every 10 minutes and only after 5 new "
                                  + "votes. Null for final results.") Instant asOf) {
    }

    /**
     * Results of a counted ballot never change again: browsers and CDNs may keep them, so the rush of
     * residents opening the results page when a city-wide ballot closes is answered by caches, not by this service.
     */
    static final String FINAL = "public, max-age=300";

    @Inject
    BallotStore ballots;

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
            + "(≤29, 30대, 40대, 50대, 60+, 청년 19–39) and dong (행정동). Final once the trustees have counted; while voting, "
            + "turnout only (choices are encrypted until counted) and only if the ballot allows live results, as a snapshot replaced at most every 10 minutes and only after at least 5 new "
            + "votes, so that comparing two answers never shows a single vote. Turnout comes from the roll and never joins the choices; cells under 5 voters are "
            + "suppressed (null) so nobody's participation can be singled out.")
    @APIResponse(responseCode = "200", description = "Results", content = @Content(schema = @Schema(implementation = Results.class)),
            headers = @Header(name = "Cache-Control", description = "`" + FINAL + "` once final (closed); live results are not cached",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such ballot")
    @APIResponse(responseCode = "409", description = "Not closed and live results are off")
    public Results results(@PathParam("id") UUID id, @Context HttpServerResponse response) {
        Ballot ballot = ballots.find(id).orElseThrow(() -> ProblemException.notFound("Ballot", id));
        BallotStore.State state = ballots.state(id);
        if (state.closed()) {
            List<Tally> counted = read(state.talliesJson());
            List<OptionResult> tallies = new ArrayList<>(counted.size());
            for (int i = 0; i < counted.size(); i++) {
                var option = ballot.options().get(i);
                tallies.add(new OptionResult(option.key(), option.label(), option.cost(), counted.get(i).votes()));
            }
            response.putHeader("Cache-Control", FINAL);
            return new Results(id, true, state.voters(), state.invalid(), tallies, turnoutQuery.of(id), null);
        }
        if (!ballot.liveResults()) {
            throw ProblemException.conflict("results-not-public", "Results of this ballot are published when it is counted")
                    .with("closesAt", ballot.closesAt().toString());
        }
        LiveResults.Snapshot snapshot = live.current(ballot);
        return new Results(id, false, snapshot.voters(), 0, List.of(), snapshot.turnout(), snapshot.takenAt());
    }

    private List<Tally> read(String json) {
        try {
            return mapper.readValue(json, new TypeReference<List<Tally>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
