package kr.chamyeo.budget.pabulib;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import kr.chamyeo.budget.selection.Election;
import kr.chamyeo.budget.selection.Proportionality;
import kr.chamyeo.budget.selection.Selection;
import kr.chamyeo.budget.selection.SelectionRule;
import kr.chamyeo.budget.selection.Standing;
import kr.chamyeo.budget.selection.WorkLimit;
import kr.chamyeo.platform.problem.ProblemException;

@Path("/simulations")
@Tag(name = "Simulations", description = "Pabulib import: run a selection rule on a real election (모의 선정)")
@Produces(MediaType.APPLICATION_JSON)
public class SimulationResource {

    /** CPU time one simulation may use; the computation stops there, not only the answer. */
    @ConfigProperty(name = "chamyeo.budget.simulation.cpu", defaultValue = "10s")
    Duration cpu;

    /**
     * Wall-clock time from the request's arrival (reading the file included) after which a simulation stops in any case:
     * below the gateway's 30 s, so that the caller gets this service's 422 naming the bound, not the gateway's 504.
     */
    @ConfigProperty(name = "chamyeo.budget.simulation.deadline", defaultValue = "25s")
    Duration deadline;

    @Inject
    SimulationSlots slots;

    /** How many times the add1 completion may run Equal Shares' rounds for one simulation. */
    @ConfigProperty(name = "chamyeo.budget.simulation.max-runs", defaultValue = "5000")
    int maxRuns;

    @POST
    @PermitAll
    @Consumes({MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Simulate a rule on a .pb file (body)", description = "Reads a Pabulib approval election (.pb: META / "
            + "PROJECTS / VOTES, up to 64 MB, streamed) from the body and runs a rule on it (RANKED_GREEDY with all weight on "
            + "the file's voters, EQUAL_SHARES as Pabulib's equalshares/add1, EQUAL_SHARES_ADD1U or SEQUENTIAL_PHRAGMEN; see "
            + "budget-service/README.md) within this request's bounds (10 s of CPU, 25 s from its arrival, 5,000 add1 runs); "
            + "returns the selected projects, their costs, the total spent, the proportionality analysis (EJR, EJR up to one "
            + "project and PJR with a witness group when violated, as pabutools defines them; the share of the budget the "
            + "voters decided; the rounds in Korean and English) and timings. No cycle is touched (모의 선정).")
    @APIResponse(responseCode = "200", description = "The selection", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SimulationView.class)))
    @APIResponse(responseCode = "413", description = "File too large")
    @APIResponse(responseCode = "422", description = "Unknown rule, unreadable file (names the line and the reason), or a "
            + "computation beyond this request's bound ('bound': cpu, time, reruns or range)")
    @APIResponse(responseCode = "503", description = "Other simulations in flight hold this replica's memory for simulations "
            + "(simulations-busy); try again shortly")
    public SimulationView simulate(@Parameter(description = "RANKED_GREEDY (default), EQUAL_SHARES, EQUAL_SHARES_ADD1U or "
                                           + "SEQUENTIAL_PHRAGMEN", example = "EQUAL_SHARES") @QueryParam("rule") String rule,
                                   @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) throws IOException {
        // Read as a stream: a 60 MB file is never held as one String besides the parsed election.
        SelectionRule parsed = rule(rule);
        try (SimulationSlots.Slot slot = slots.take(length == null ? -1 : length); Reader reader = utf8(body)) {
            return run(reader, parsed);
        }
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Simulate a rule on an uploaded .pb file", description = "As the plain-body form, with the file in "
            + "part 'file' and the rule in part 'rule' (모의 선정).")
    @APIResponse(responseCode = "200", description = "The selection", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SimulationView.class)))
    @APIResponse(responseCode = "413", description = "File too large")
    @APIResponse(responseCode = "422", description = "Missing part, unknown rule, unreadable file (line and reason), or a "
            + "computation beyond this request's bound ('bound': cpu, time, reruns or range)")
    @APIResponse(responseCode = "503", description = "Other simulations in flight hold this replica's memory for simulations "
            + "(simulations-busy); try again shortly")
    public SimulationView upload(@RestForm("file") FileUpload file, @RestForm("rule") String rule) throws IOException {
        if (file == null) {
            throw ProblemException.unprocessable("file", "a .pb file is required in part 'file'");
        }
        SelectionRule parsed = rule(rule);
        try (SimulationSlots.Slot slot = slots.take(file.size()); Reader reader = utf8(Files.newInputStream(file.uploadedFile()))) {
            return run(reader, parsed);
        }
    }

    /** Strict UTF-8: malformed bytes are refused (as unreadable text) instead of silently replaced. */
    private static Reader utf8(InputStream in) {
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** RANKED_GREEDY when absent; an unknown rule is a 422 naming the field, not a 404 of the resource. */
    private static SelectionRule rule(String rule) {
        try {
            return rule == null ? SelectionRule.RANKED_GREEDY : SelectionRule.valueOf(rule.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("rule", "must be one of " + List.of(SelectionRule.values()));
        }
    }

    private SimulationView run(Reader reader, SelectionRule rule) {
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
        Selection selection;
        Election election = Simulation.election(file);
        // The deadline counts from the request's arrival: reading a 30 MB file takes seconds of the caller's wait.
        WorkLimit limit = WorkLimit.of(cpu, deadline.minusNanos(parsed - started), maxRuns);
        try {
            selection = rule.select(election, limit);
        } catch (WorkLimit.Exceeded e) {
            throw ProblemException.unprocessable("file", e.getMessage()).with("bound", e.bound())
                    .with("cpu", cpu.toString()).with("deadline", deadline.toString()).with("maxRuns", maxRuns);
        }
        long selected = System.nanoTime();
        Map<String, PabulibFile.Project> byId = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        file.projects().forEach(p -> {
            byId.put(p.id(), p);
            names.put(p.id(), p.name() == null ? p.id() : p.name());
        });
        // Same limit as the rule: what the rule left of it bounds the check, which answers NOT_CHECKED past it.
        String currency = file.meta().getOrDefault("currency", "");
        Proportionality proportionality = Proportionality.of(election, selection, rule, limit, names, Map.of(),
                new Proportionality.Labels(List.of("투표자"), List.of("voters"), currency.isEmpty() ? "" : " " + currency, currency));
        long analysed = System.nanoTime();
        Map<String, Standing> standings = new HashMap<>();
        selection.ranking().forEach(s -> standings.put(s.candidate().key(), s));
        List<SimulationView.Selected> chosen = selection.selected().stream().map(id -> new SimulationView.Selected(id,
                byId.get(id).name(), byId.get(id).cost(), standings.get(id).votes()[0], standings.get(id).rank())).toList();
        Boolean matches = file.projects().stream().anyMatch(p -> p.selected() == null) ? null
                : file.projects().stream().allMatch(p -> p.selected() == selection.isSelected(p.id()));
        SimulationView.Completion completion = selection.completion() == null ? null : new SimulationView.Completion(
                selection.completion().virtualTotal(), selection.completion().virtualTotal() / Math.max(1, file.votes().size()),
                selection.completion().runs());
        return new SimulationView(rule, file.budget(), file.projects().size(), file.votes().size(), chosen, selection.spent(),
                selection.leftover(), matches, completion, proportionality, (parsed - started) / 1_000_000,
                (selected - parsed) / 1_000_000, (analysed - selected) / 1_000_000);
    }
}
