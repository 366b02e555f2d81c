package kr.chamyeo.platform.openapi;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Says where an answer may carry {@code null}: the services write every field of a view, {@code null} included
 * (Jackson's default), so a property of an answer that its schema does not list as {@code required} may be null.
 * Strict clients (TypeScript, Kotlin, zod) and validators (Prism) then accept what is really sent. Such a property
 * gets {@code "null"} added to its {@code type}, or — for a {@code $ref}, an enum or a composition — becomes
 * {@code anyOf: [the schema, {type: "null"}]} with its description kept beside.
 * <p>
 * Only schemas that no request uses are changed: what a client sends is validated by the service (bean validation
 * names the field), and request schemas keep a single {@code type} for the tools that read them.
 */
public final class NullableFields implements OASFilter {

    private static final String PREFIX = "#/components/schemas/";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> sent = requestSchemas(openAPI, schemas);
        for (Map.Entry<String, Schema> schema : schemas.entrySet()) {
            if (!sent.contains(schema.getKey())) {
                allowNulls(schema.getValue());
            }
        }
    }

    private static void allowNulls(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        for (Map.Entry<String, Schema> property : Map.copyOf(schema.getProperties()).entrySet()) {
            if (!required.contains(property.getKey())) {
                schema.addProperty(property.getKey(), nullable(property.getValue()));
            }
        }
    }

    static Schema nullable(Schema property) {
        if (property.getType() != null && property.getType().contains(Schema.SchemaType.NULL)) {
            return property;
        }
        boolean composed = property.getRef() != null || property.getEnumeration() != null
                || property.getAllOf() != null || property.getOneOf() != null || property.getAnyOf() != null;
        if (!composed) {
            if (property.getType() != null && !property.getType().isEmpty()) {
                property.addType(Schema.SchemaType.NULL);
            }
            return property;
        }
        if (property.getAnyOf() != null && property.getAnyOf().stream()
                .anyMatch(s -> s.getType() != null && s.getType().equals(List.of(Schema.SchemaType.NULL)))) {
            return property;
        }
        // The outer schema keeps what describes the property; the inner one what constrains its value.
        Schema value = OASFactory.createSchema().ref(property.getRef()).type(property.getType())
                .enumeration(property.getEnumeration()).format(property.getFormat()).allOf(property.getAllOf())
                .oneOf(property.getOneOf()).anyOf(property.getAnyOf()).pattern(property.getPattern())
                .items(property.getItems()).properties(property.getProperties());
        return OASFactory.createSchema()
                .anyOf(List.of(value, OASFactory.createSchema().addType(Schema.SchemaType.NULL)))
                .description(property.getDescription()).examples(property.getExamples())
                .deprecated(property.getDeprecated()).readOnly(property.getReadOnly());
    }

    /** Component schemas that a request body or parameter uses, directly or through other schemas. */
    private static Set<String> requestSchemas(OpenAPI openAPI, Map<String, Schema> schemas) {
        Deque<Schema> pending = new ArrayDeque<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (PathItem item : openAPI.getPaths().getPathItems().values()) {
                addParameters(pending, item.getParameters());
                if (item.getOperations() == null) {
                    continue;
                }
                for (Operation operation : item.getOperations().values()) {
                    addParameters(pending, operation.getParameters());
                    if (operation.getRequestBody() != null) {
                        addContent(pending, operation.getRequestBody().getContent());
                    }
                }
            }
        }
        Set<String> names = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.getRef() != null && schema.getRef().startsWith(PREFIX)) {
                String name = schema.getRef().substring(PREFIX.length());
                if (names.add(name) && schemas.containsKey(name)) {
                    pending.push(schemas.get(name));
                }
            }
            children(schema, pending);
        }
        return names;
    }

    private static void children(Schema schema, Deque<Schema> into) {
        if (schema.getProperties() != null) {
            into.addAll(schema.getProperties().values());
        }
        if (schema.getItems() != null) {
            into.push(schema.getItems());
        }
        for (List<Schema> parts : new List[] {schema.getAllOf(), schema.getAnyOf(), schema.getOneOf()}) {
            if (parts != null) {
                into.addAll(parts);
            }
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            into.push(schema.getAdditionalPropertiesSchema());
        }
    }

    private static void addParameters(Deque<Schema> into, List<Parameter> parameters) {
        if (parameters != null) {
            parameters.stream().filter(p -> p.getSchema() != null).forEach(p -> into.push(p.getSchema()));
        }
    }

    private static void addContent(Deque<Schema> into, Content content) {
        if (content != null && content.getMediaTypes() != null) {
            for (MediaType media : content.getMediaTypes().values()) {
                if (media.getSchema() != null) {
                    into.push(media.getSchema());
                }
            }
        }
    }
}
