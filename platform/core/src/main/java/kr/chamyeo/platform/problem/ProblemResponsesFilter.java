package kr.chamyeo.platform.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Declares the RFC 7807 answers of every operation once, for every service (applied by
 * {@link kr.chamyeo.platform.openapi.ContractFilter}, the platform's {@code mp.openapi.filter}), instead of a copy per
 * resource method.
 * <p>
 * {@link ProblemMappers} answers the same failures the same way everywhere, so what an operation can answer follows
 * from its shape: 401 and 403 when it needs a token, 400 (malformed JSON, a value of the wrong type) and 422 (a broken
 * rule, a missing required value) when it takes a body or parameters, 413 (a body over the size limit,
 * {@link BodyLimitFilter}) and 415 (a body that is not the declared media type) when it takes a body, 404 when its path
 * names a resource, and 406 everywhere (an {@code Accept} header that excludes what it answers). Statuses a
 * resource declares itself (409, 503, …) keep their description and get the problem+json content if they have none,
 * so a generated client can parse every error with one type.
 */
public class ProblemResponsesFilter implements OASFilter {

    static final String SCHEMA = "Problem";
    static final String FIELD_ERROR_SCHEMA = "FieldError";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    /** Default description and example (slug, title, detail) per status the platform answers by itself. */
    private record Answer(String description, String slug, String title, String detail) {
    }

    private static final Map<String, Answer> ANSWERS = Map.of(
            "400", new Answer("Malformed request: unparseable JSON or a value of the wrong type",
                    "malformed-request", "Malformed request", "year: must be of type integer"),
            "401", new Answer("No valid bearer token", "unauthorized", "Unauthorized",
                    "A valid bearer token (JWT) is required"),
            "403", new Answer("The caller's role or district does not allow this operation", "forbidden", "Forbidden",
                    "Your role does not allow this operation"),
            "404", new Answer("No such resource", "not-found", "Not Found", "No resource at this path"),
            "409", new Answer("Conflicts with the resource's current state", "conflict", "Conflict",
                    "The resource was changed by another request; read it again and retry"),
            "422", new Answer("A field breaks a rule or a required value is missing", "validation", "Invalid request",
                    "district: must not be null"),
            "406", new Answer("The Accept header excludes every media type the operation answers", "not-acceptable",
                    "Not Acceptable", "This resource answers application/json only"),
            "413", new Answer("The request body is larger than the service's limit", "payload-too-large",
                    "Payload too large", "Request body is larger than the limit"),
            "415", new Answer("The request body's Content-Type is not one the operation takes", "unsupported-media-type",
                    "Unsupported Media Type", "Content-Type must be application/json"),
            "503", new Answer("The database is unreachable; retry shortly", "unavailable", "Service unavailable",
                    "The database is unreachable; retry shortly"));

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        boolean securedByDefault = openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        boolean any = false;
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (path.getValue().getOperations() == null) {
                continue;
            }
            for (Operation operation : path.getValue().getOperations().values()) {
                any |= declareProblems(path.getKey(), path.getValue(), operation, securedByDefault);
            }
        }
        if (any) {
            addSchemas(openAPI);
        }
    }

    private static boolean declareProblems(String path, PathItem item, Operation operation, boolean securedByDefault) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() == null ? securedByDefault : !operation.getSecurity().isEmpty();
        boolean takesInput = operation.getRequestBody() != null
                || hasParameters(operation) || (item.getParameters() != null && !item.getParameters().isEmpty());
        if (secured) {
            addIfAbsent(responses, "401");
            addIfAbsent(responses, "403");
        }
        if (takesInput) {
            addIfAbsent(responses, "400");
            addIfAbsent(responses, "422");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413");
            addIfAbsent(responses, "415");
        }
        addIfAbsent(responses, "406");
        if (path.contains("{")) {
            addIfAbsent(responses, "404");
        }
        boolean any = false;
        for (Map.Entry<String, APIResponse> response : responses.getAPIResponses().entrySet()) {
            if (isError(response.getKey()) && response.getValue().getRef() == null) {
                any |= giveProblemContent(path, response.getKey(), response.getValue());
            }
        }
        return any;
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    private static boolean isError(String status) {
        return status.length() == 3 && (status.charAt(0) == '4' || status.charAt(0) == '5');
    }

    private static void addIfAbsent(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(ANSWERS.get(status).description()));
        }
    }

    /** Fills in problem+json where the resource declared only a status and a description; true when it answers one. */
    private static boolean giveProblemContent(String path, String status, APIResponse response) {
        Content content = response.getContent();
        if (content == null || content.getMediaTypes() == null || content.getMediaTypes().isEmpty()) {
            content = OASFactory.createContent();
            response.setContent(content);
        } else if (!content.hasMediaType(Problem.MEDIA_TYPE)) {
            // A resource that declared its own non-problem body for an error (none does today) keeps it.
            return false;
        }
        MediaType media = content.getMediaType(Problem.MEDIA_TYPE);
        if (media == null) {
            media = OASFactory.createMediaType();
            content.addMediaType(Problem.MEDIA_TYPE, media);
        }
        media.setSchema(OASFactory.createSchema().ref(REF));
        if (media.getExamples() != null && media.getExamples().isEmpty()) {
            // An annotation's empty examples map next to the example added here is invalid for OpenAPI Generator.
            media.setExamples(null);
        }
        if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())) {
            media.setExample(example(path, status, response.getDescription()));
        }
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            Answer answer = ANSWERS.get(status);
            response.setDescription(answer == null ? "Problem" : answer.description());
        }
        return true;
    }

    private static Map<String, Object> example(String path, String status, String description) {
        Answer answer = ANSWERS.get(status);
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", Problem.TYPE_BASE + (answer == null ? "error" : answer.slug()));
        example.put("title", answer == null ? "Error" : answer.title());
        example.put("status", Integer.parseInt(status));
        example.put("detail", answer == null ? description : answer.detail());
        example.put("instance", path);
        if ("422".equals(status) || "400".equals(status)) {
            String[] fieldAndMessage = answer.detail().split(": ", 2);
            example.put("errors", List.of(Map.of("field", fieldAndMessage[0], "message", fieldAndMessage[1])));
        }
        return example;
    }

    /**
     * The problem schema, defined here rather than scanned from {@link Problem} so that it exists even when no resource
     * names the class; {@code ProblemResponsesFilterTest} keeps its members equal to the record's JSON members.
     */
    private static void addSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSchema(FIELD_ERROR_SCHEMA, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("One broken rule of one field")
                .addProperty("field", string("totalAmount"))
                .addProperty("message", string("must be greater than 0"))
                .required(List.of("field", "message")));
        components.addSchema(SCHEMA, OASFactory.createSchema()
                .addType(Schema.SchemaType.OBJECT)
                .description("RFC 7807 problem details (오류 응답). Rule-specific figures may follow as further members "
                        + "(RFC 7807 §3.2).")
                .addProperty("type", string(Problem.TYPE_BASE + "validation").format("uri"))
                .addProperty("title", string("Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").example(422))
                .addProperty("detail", string("totalAmount: must be greater than 0"))
                .addProperty("instance", string("/api/v1/budget/cycles"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("For validation: one entry per broken rule")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)))
                .required(List.of("type", "title", "status"))
                .additionalPropertiesBoolean(true));
    }

    private static Schema string(String example) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).example(example);
    }
}
