package kr.chamyeo.budget.pabulib;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import kr.chamyeo.budget.result.Selection;
import kr.chamyeo.budget.result.SelectionRule;
import kr.chamyeo.budget.result.Standing;
import kr.chamyeo.platform.problem.Problem;
import kr.chamyeo.platform.problem.ProblemException;

@Path("/simulations")
@Tag(name = "Simulations", description = "Pabulib import: run a selection rule on a real election (모의 선정)")
@Produces(MediaType.APPLICATION_JSON)
public class SimulationResource {

    @POST
    @PermitAll
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Simulate a rule on a .pb file (body)", description = "Reads a Pabulib approval election (.pb: META / "
            + "PROJECTS / VOTES) from the body and runs RANKED_GREEDY (all weight on the file's voters) or EQUAL_SHARES on it; "
            + "returns the selected projects, their costs, the total spent and timings. No cycle is touched (모의 선정).")
    @APIResponse(responseCode = "200", description = "The selection", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SimulationView.class)))
    @APIResponse(responseCode = "413", description = "File too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown rule, or unreadable file (names the line and the reason)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimulationView simulate(@Parameter(description = "RANKED_GREEDY (default) or EQUAL_SHARES", example = "EQUAL_SHARES")
                                   @QueryParam("rule") String rule, String body) {
        return run(new StringReader(body == null ? "" : body), rule(rule));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Simulate a rule on an uploaded .pb file", description = "As the plain-body form, with the file in "
            + "part 'file' and the rule in part 'rule' (모의 선정).")
    @APIResponse(responseCode = "200", description = "The selection", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SimulationView.class)))
    @APIResponse(responseCode = "413", description = "File too large", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Missing part, unknown rule, or unreadable file (line and reason)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SimulationView upload(@RestForm("file") FileUpload file, @RestForm("rule") String rule) throws IOException {
        if (file == null) {
            throw ProblemException.unprocessable("file", "a .pb file is required in part 'file'");
        }
        SelectionRule parsed = rule(rule);
        try (Reader reader = Files.newBufferedReader(file.uploadedFile(), StandardCharsets.UTF_8)) {
            return run(reader, parsed);
        }
    }

    /** RANKED_GREEDY when absent; an unknown rule is a 422 naming the field, not a 404 of the resource. */
    private static SelectionRule rule(String rule) {
        try {
            return rule == null ? SelectionRule.RANKED_GREEDY : SelectionRule.valueOf(rule.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("rule", "must be one of " + List.of(SelectionRule.values()));
        }
    }

    private static SimulationView run(Reader reader, SelectionRule rule) {
        long started = System.nanoTime();
        PabulibFile file;
        try {
            file = PabulibReader.read(reader);
        } catch (PabulibFormatException e) {
            throw ProblemException.unprocessable("file", e.getMessage()).with("line", e.line()).with("reason", e.reason());
        } catch (java.io.UncheckedIOException e) {
            throw ProblemException.unprocessable("file", "is not readable UTF-8 text");
        }
        long parsed = System.nanoTime();
        Selection selection = Simulation.run(file, rule);
        long selected = System.nanoTime();
        Map<String, PabulibFile.Project> byId = new HashMap<>();
        file.projects().forEach(p -> byId.put(p.id(), p));
        Map<String, Standing> standings = new HashMap<>();
        selection.ranking().forEach(s -> standings.put(s.candidate().key(), s));
        List<SimulationView.Selected> chosen = selection.selected().stream().map(id -> new SimulationView.Selected(id,
                byId.get(id).name(), byId.get(id).cost(), standings.get(id).votes()[0], standings.get(id).rank())).toList();
        Boolean matches = file.projects().stream().anyMatch(p -> p.selected() == null) ? null
                : file.projects().stream().allMatch(p -> p.selected() == selection.isSelected(p.id()));
        return new SimulationView(rule, file.budget(), file.projects().size(), file.votes().size(), chosen, selection.spent(),
                selection.leftover(), matches, (parsed - started) / 1_000_000, (selected - parsed) / 1_000_000);
    }
}
