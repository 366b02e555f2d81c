package kr.chamyeo.platform.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.junit.jupiter.api.Test;

class ProblemResponsesFilterTest {

    private static Operation ok() {
        return OASFactory.createOperation().responses(OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse().description("OK")));
    }

    private static OpenAPI document(String path, Operation get, Operation post) {
        return OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem(path, OASFactory.createPathItem().GET(get).POST(post)));
    }

    private static OpenAPI filtered(OpenAPI openAPI) {
        new ProblemResponsesFilter().filterOpenAPI(openAPI);
        return openAPI;
    }

    private static Set<String> errorStatuses(Operation operation) {
        return operation.getResponses().getAPIResponses().keySet().stream()
                .filter(s -> !s.startsWith("2")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void assertProblem(APIResponse response, int status) {
        MediaType media = response.getContent().getMediaType(Problem.MEDIA_TYPE);
        assertEquals("#/components/schemas/Problem", media.getSchema().getRef());
        assertEquals(status, ((Map<?, ?>) media.getExample()).get("status"));
        assertTrue(response.getDescription() != null && !response.getDescription().isBlank());
    }

    /** {@code @APIResponse(content = @Content(...))} leaves an empty examples map: with the example added, invalid. */
    @Test
    void anEmptyExamplesMapGivesWayToTheExample() {
        Operation post = ok().requestBody(OASFactory.createRequestBody());
        post.getResponses().addAPIResponse("422", OASFactory.createAPIResponse().description("Invalid ballot")
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().examples(new java.util.HashMap<>()))));
        filtered(document("/ballots", null, post));

        MediaType media = post.getResponses().getAPIResponse("422").getContent().getMediaType(Problem.MEDIA_TYPE);
        assertNull(media.getExamples());
        assertEquals(422, ((Map<?, ?>) media.getExample()).get("status"));
        assertEquals("Invalid ballot", post.getResponses().getAPIResponse("422").getDescription());
    }

    @Test
    void securedWriteWithBodyAndPathIdAnswersEveryProblemStatus() {
        Operation post = ok().security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer", "OFFICER")))
                .requestBody(OASFactory.createRequestBody());
        OpenAPI openAPI = filtered(document("/cycles/{id}/proposals", null, post));

        assertEquals(Set.of("400", "401", "403", "404", "406", "413", "415", "422"), errorStatuses(post));
        for (String status : errorStatuses(post)) {
            assertProblem(post.getResponses().getAPIResponse(status), Integer.parseInt(status));
        }
        assertTrue(openAPI.getComponents().getSchemas().containsKey("Problem"));
        assertTrue(openAPI.getComponents().getSchemas().containsKey("FieldError"));
    }

    /** Any operation answers 406 to an Accept header that excludes its media type (ProblemMappers). */
    @Test
    void publicReadWithoutInputAnswersOnly406() {
        Operation get = ok();
        filtered(document("/districts", get, null));

        assertEquals(Set.of("406"), errorStatuses(get));
        assertProblem(get.getResponses().getAPIResponse("406"), 406);
    }

    /** BodyLimitFilter's 413 and the 415 of a wrong Content-Type belong to operations that take a body, and only those. */
    @Test
    void onlyOperationsWithABodyAnswer413And415() {
        Operation post = ok().requestBody(OASFactory.createRequestBody());
        Operation get = ok().parameters(List.of(OASFactory.createParameter().name("year").in(Parameter.In.QUERY)));
        filtered(document("/cycles", get, post));

        assertEquals(Set.of("400", "406", "413", "415", "422"), errorStatuses(post));
        assertProblem(post.getResponses().getAPIResponse("413"), 413);
        assertProblem(post.getResponses().getAPIResponse("415"), 415);
        assertEquals(Set.of("400", "406", "422"), errorStatuses(get));
    }

    @Test
    void publicReadWithQueryParametersAnswers400And422Only() {
        Operation get = ok().parameters(List.of(OASFactory.createParameter().name("year").in(Parameter.In.QUERY)));
        filtered(document("/cycles", get, null));

        assertEquals(Set.of("400", "406", "422"), errorStatuses(get));
    }

    @Test
    void declaredStatusKeepsItsDescriptionAndGetsProblemContent() {
        Operation post = ok().security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer", "OFFICER")));
        post.getResponses().addAPIResponse("409", OASFactory.createAPIResponse().description("Cycle not open"));
        post.getResponses().addAPIResponse("503", OASFactory.createAPIResponse());
        filtered(document("/cycles", null, post));

        assertEquals("Cycle not open", post.getResponses().getAPIResponse("409").getDescription());
        assertProblem(post.getResponses().getAPIResponse("409"), 409);
        assertProblem(post.getResponses().getAPIResponse("503"), 503);
        assertEquals(Set.of("401", "403", "406", "409", "503"), errorStatuses(post));
    }

    @Test
    void documentWideSecurityCountsUnlessTheOperationOptsOut() {
        Operation secured = ok();
        Operation open = ok().security(List.of());
        OpenAPI openAPI = document("/ballots", secured, open)
                .security(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        filtered(openAPI);

        assertEquals(Set.of("401", "403", "406"), errorStatuses(secured));
        assertEquals(Set.of("406"), errorStatuses(open));
    }

    @Test
    void problemSchemaNamesExactlyTheRecordsJsonMembers() {
        OpenAPI openAPI = filtered(document("/x/{id}", ok(), null));

        Set<String> members = Arrays.stream(Problem.class.getRecordComponents()).map(c -> c.getName())
                .filter(name -> !name.equals("extensions")) // written as top-level members by @JsonAnyGetter
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(members, new TreeSet<>(openAPI.getComponents().getSchemas().get("Problem").getProperties().keySet()));
        Set<String> fieldMembers = Arrays.stream(Problem.FieldError.class.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fieldMembers,
                new TreeSet<>(openAPI.getComponents().getSchemas().get("FieldError").getProperties().keySet()));
    }
}
