package kr.chamyeo.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders a kustomization the way {@code kustomize build} / {@code kubectl apply -k} does, for exactly the
 * kustomize features Chamyeo's manifests use, so they can be checked where kustomize is not installed:
 * {@code resources} (files and nested kustomization directories), {@code configMapGenerator} without name
 * hashing, {@code patches} (strategic merge for built-in kinds, JSON merge for custom resources, RFC 6902
 * lists; with or without {@code target}), {@code namespace}, {@code labels}, {@code replicas} and
 * {@code images}, applied in kustomize's order (patches, namespace, labels, replicas, images).
 *
 * <p>Anything else in a kustomization (components, commonLabels, name prefixes, replacements, hashed
 * generators, {@code $patch} directives...) is refused rather than ignored, so the rendering can never
 * silently differ from kustomize's: a manifest change that needs more must extend this class first.
 */
public final class Kustomize {

    private static final YAMLMapper YAML = YAMLMapper.builder(
                    YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace",
            "labels", "images", "replicas", "patches", "configMapGenerator", "generatorOptions");

    /** Kinds kustomize's namespace transformer leaves alone (those Chamyeo could plausibly contain). */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass");

    /** Kinds whose pod template gets the labels of a {@code labels} entry with includeTemplates. */
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet",
            "Job");

    /** Kinds the replicas transformer applies to. */
    private static final Set<String> SCALABLE = Set.of("Deployment", "StatefulSet", "ReplicaSet",
            "ReplicationController");

    /** API groups whose kinds have a strategic-merge schema; other kinds get JSON merge patch semantics. */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "policy", "autoscaling",
            "networking.k8s.io", "rbac.authorization.k8s.io");

    /**
     * Strategic merge keys of the built-in list fields that merge element-wise (Kubernetes' patchMergeKey);
     * every other list is replaced whole, as Kubernetes does for lists without patchStrategy=merge.
     */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name", "initContainers", "name", "env", "name", "volumes", "name",
            "imagePullSecrets", "name", "volumeMounts", "mountPath", "topologySpreadConstraints", "topologyKey");

    private Kustomize() {
    }

    /** Renders the kustomization in {@code dir}. */
    public static List<ObjectNode> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no kustomization.yaml in " + dir);
        }
        ObjectNode k = (ObjectNode) readAll(file).get(0);
        k.fieldNames().forEachRemaining(f -> {
            if (!SUPPORTED_FIELDS.contains(f)) {
                throw new UnsupportedOperationException(file + ": kustomize field '" + f + "' is not supported");
            }
        });
        if (!"Kustomization".equals(k.path("kind").asText("Kustomization"))) {
            throw new UnsupportedOperationException(file + ": only kind Kustomization is supported");
        }
        List<ObjectNode> out = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            Path p = dir.resolve(r.asText()).normalize();
            if (Files.isDirectory(p)) {
                out.addAll(render(p));
            } else {
                readAll(p).forEach(doc -> out.add((ObjectNode) doc));
            }
        }
        generateConfigMaps(dir, k, out);
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, out);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode o : out) {
                if (Set.of("RoleBinding", "ClusterRoleBinding").contains(kind(o))) {
                    throw new UnsupportedOperationException("namespace on role bindings (subjects) is not supported");
                }
                if (!CLUSTER_SCOPED.contains(kind(o))) {
                    metadata(o).put("namespace", ns);
                }
            }
        }
        for (JsonNode entry : k.path("labels")) {
            applyLabels(file, entry, out);
        }
        for (JsonNode r : k.path("replicas")) {
            applyReplicas(file, r, out);
        }
        for (JsonNode image : k.path("images")) {
            applyImage(file, image, out);
        }
        return out;
    }

    /** The rendered objects as one multi-document YAML stream, as {@code kustomize build} prints them. */
    public static String toYaml(List<ObjectNode> objects) {
        StringBuilder sb = new StringBuilder();
        for (ObjectNode o : objects) {
            if (!sb.isEmpty()) {
                sb.append("---\n");
            }
            try {
                sb.append(YAML.writeValueAsString(o));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sb.toString();
    }

    /** Reads every non-empty document of a YAML file. */
    public static List<JsonNode> readAll(Path file) {
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> out = new ArrayList<>();
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc != null && doc.isObject() && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Prints the rendering of a kustomization directory: {@code Kustomize deploy/k8s/overlays/prod}. */
    public static void main(String[] args) {
        System.out.print(toYaml(render(Path.of(args[0]))));
    }

    private static void generateConfigMaps(Path dir, ObjectNode k, List<ObjectNode> out) {
        boolean globallyUnhashed = k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false);
        for (JsonNode g : k.path("configMapGenerator")) {
            JsonNode options = g.path("options");
            if (!globallyUnhashed && !options.path("disableNameSuffixHash").asBoolean(false)) {
                throw new UnsupportedOperationException("configMapGenerator '" + g.path("name").asText()
                        + "': name suffix hashes are not supported; set options.disableNameSuffixHash");
            }
            if (g.has("behavior") && !"create".equals(g.get("behavior").asText())) {
                throw new UnsupportedOperationException("configMapGenerator behavior " + g.get("behavior"));
            }
            ObjectNode cm = NODES.objectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            ObjectNode meta = cm.putObject("metadata").put("name", g.path("name").asText());
            copyMap(k.path("generatorOptions").path("labels"), meta, "labels");
            copyMap(options.path("labels"), meta, "labels");
            copyMap(options.path("annotations"), meta, "annotations");
            ObjectNode data = cm.putObject("data");
            for (JsonNode f : g.path("files")) {
                String spec = f.asText();
                int eq = spec.indexOf('=');
                String key = eq < 0 ? Path.of(spec).getFileName().toString() : spec.substring(0, eq);
                Path source = dir.resolve(eq < 0 ? spec : spec.substring(eq + 1));
                try {
                    data.put(key, Files.readString(source));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            for (JsonNode l : g.path("literals")) {
                String spec = l.asText();
                int eq = spec.indexOf('=');
                data.put(spec.substring(0, eq), spec.substring(eq + 1));
            }
            out.add(cm);
        }
    }

    private static void copyMap(JsonNode from, ObjectNode meta, String field) {
        if (from.isObject() && !from.isEmpty()) {
            ObjectNode to = meta.has(field) ? (ObjectNode) meta.get(field) : meta.putObject(field);
            from.fields().forEachRemaining(e -> to.put(e.getKey(), e.getValue().asText()));
        }
    }

    private static void applyPatch(Path dir, JsonNode entry, List<ObjectNode> out) {
        List<JsonNode> docs;
        try {
            docs = entry.has("path") ? documents(YAML.readValues(YAML.createParser(dir.resolve(entry.get("path").asText()).toFile()), JsonNode.class))
                    : documents(YAML.readValues(YAML.createParser(entry.path("patch").asText()), JsonNode.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (docs.size() > 1) {
            // A file of several strategic merge patches: each finds its own target.
            for (JsonNode doc : docs) {
                ObjectNode single = NODES.objectNode().put("patch", toYaml(List.of((ObjectNode) doc)));
                if (entry.has("target")) {
                    single.set("target", entry.get("target"));
                }
                applyPatch(dir, single, out);
            }
            return;
        }
        JsonNode body = docs.get(0);
        JsonNode target = entry.path("target");
        if (body.isArray()) {
            if (target.isMissingNode()) {
                throw new IllegalArgumentException("an RFC 6902 patch needs a target: " + entry);
            }
            List<ObjectNode> matched = select(target, out);
            for (ObjectNode o : matched) {
                jsonPatch(o, (ArrayNode) body);
            }
            return;
        }
        ObjectNode patch = (ObjectNode) body;
        if (target.isMissingNode()) {
            ObjectNode derived = NODES.objectNode().put("kind", patch.path("kind").asText())
                    .put("name", "^" + Pattern.quote(patch.path("metadata").path("name").asText()) + "$");
            target = derived;
        }
        for (ObjectNode o : select(target, out)) {
            ObjectNode p = patch.deepCopy();
            // The patch's own identity does not rename the objects a target selects.
            p.remove("apiVersion");
            p.remove("kind");
            if (p.has("metadata")) {
                ((ObjectNode) p.get("metadata")).remove("name");
                ((ObjectNode) p.get("metadata")).remove("namespace");
            }
            merge(o, p, BUILT_IN_GROUPS.contains(group(o)), null);
        }
    }

    private static List<JsonNode> documents(MappingIterator<JsonNode> it) throws IOException {
        try (it) {
            List<JsonNode> out = new ArrayList<>();
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && (doc.isObject() || doc.isArray()) && !doc.isEmpty()) {
                    out.add(doc);
                }
            }
            return out;
        }
    }

    /** Objects a patch target selects; kind and name are anchored regular expressions, as in kustomize. */
    private static List<ObjectNode> select(JsonNode target, List<ObjectNode> objects) {
        target.fieldNames().forEachRemaining(f -> {
            if (!Set.of("group", "version", "kind", "name", "namespace").contains(f)) {
                throw new UnsupportedOperationException("patch target field '" + f + "' is not supported");
            }
        });
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode o : objects) {
            if (matches(target, "kind", kind(o)) && matches(target, "name", metadata(o).path("name").asText())
                    && matches(target, "namespace", metadata(o).path("namespace").asText())
                    && matches(target, "group", group(o))
                    && matches(target, "version", version(o))) {
                out.add(o);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("patch target " + target + " matches nothing");
        }
        return out;
    }

    private static boolean matches(JsonNode target, String field, String value) {
        return !target.has(field) || Pattern.matches(target.get(field).asText(), value);
    }

    /**
     * Strategic merge (built-in kinds) or JSON merge patch (custom resources): objects merge, null deletes,
     * lists with a merge key merge element-wise by that key, other lists are replaced.
     */
    private static void merge(ObjectNode into, ObjectNode patch, boolean strategic, String parentField) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            String name = e.getKey();
            JsonNode value = e.getValue();
            if (name.startsWith("$")) {
                throw new UnsupportedOperationException("strategic merge directive " + name + " is not supported");
            }
            JsonNode existing = into.get(name);
            if (value.isNull()) {
                into.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value, strategic, name);
            } else if (value.isArray() && existing != null && existing.isArray() && strategic
                    && mergeKey(name, parentField) != null) {
                mergeList((ArrayNode) existing, (ArrayNode) value, mergeKey(name, parentField), name);
            } else {
                into.set(name, value.deepCopy());
            }
        }
    }

    private static String mergeKey(String field, String parentField) {
        if ("ports".equals(field)) {
            // Container ports merge by containerPort; a Service's (under spec) by port.
            return "spec".equals(parentField) ? "port" : "containerPort";
        }
        return MERGE_KEYS.get(field);
    }

    private static void mergeList(ArrayNode into, ArrayNode patch, String key, String field) {
        for (JsonNode element : patch) {
            JsonNode id = element.get(key);
            if (id == null) {
                throw new IllegalArgumentException("element of " + field + " without merge key " + key);
            }
            ObjectNode found = null;
            for (JsonNode candidate : into) {
                if (id.equals(candidate.get(key))) {
                    found = (ObjectNode) candidate;
                }
            }
            if (found == null) {
                into.add(element.deepCopy());
            } else {
                merge(found, (ObjectNode) element, true, field);
            }
        }
    }

    /** RFC 6902 add, replace and remove (the operations kustomize overlays need). */
    private static void jsonPatch(ObjectNode doc, ArrayNode ops) {
        for (JsonNode op : ops) {
            String kind = op.path("op").asText();
            List<String> path = pointer(op.path("path").asText());
            JsonNode parent = doc;
            for (String token : path.subList(0, path.size() - 1)) {
                parent = parent.isArray() ? parent.get(Integer.parseInt(token)) : parent.get(token);
                if (parent == null) {
                    throw new IllegalArgumentException("path " + op.path("path").asText() + " does not exist in "
                            + kind(doc) + "/" + metadata(doc).path("name").asText());
                }
            }
            String last = path.get(path.size() - 1);
            switch (kind) {
                case "add" -> {
                    if (parent.isArray()) {
                        ArrayNode array = (ArrayNode) parent;
                        if ("-".equals(last)) {
                            array.add(op.get("value").deepCopy());
                        } else {
                            array.insert(Integer.parseInt(last), op.get("value").deepCopy());
                        }
                    } else {
                        ((ObjectNode) parent).set(last, op.get("value").deepCopy());
                    }
                }
                case "replace", "remove" -> {
                    boolean present = parent.isArray() ? Integer.parseInt(last) < parent.size() : parent.has(last);
                    if (!present) {
                        throw new IllegalArgumentException(kind + " of missing " + op.path("path").asText() + " in "
                                + kind(doc) + "/" + metadata(doc).path("name").asText());
                    }
                    if (parent.isArray()) {
                        ArrayNode array = (ArrayNode) parent;
                        if ("remove".equals(kind)) {
                            array.remove(Integer.parseInt(last));
                        } else {
                            array.set(Integer.parseInt(last), op.get("value").deepCopy());
                        }
                    } else if ("remove".equals(kind)) {
                        ((ObjectNode) parent).remove(last);
                    } else {
                        ((ObjectNode) parent).set(last, op.get("value").deepCopy());
                    }
                }
                default -> throw new UnsupportedOperationException("JSON patch op " + kind + " is not supported");
            }
        }
    }

    private static List<String> pointer(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not a JSON pointer: " + path);
        }
        List<String> tokens = new ArrayList<>();
        for (String t : path.substring(1).split("/", -1)) {
            tokens.add(t.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }

    private static void applyLabels(Path file, JsonNode entry, List<ObjectNode> out) {
        if (entry.path("includeSelectors").asBoolean(false)) {
            throw new UnsupportedOperationException(file + ": labels with includeSelectors are not supported");
        }
        Map<String, String> pairs = new LinkedHashMap<>();
        entry.path("pairs").fields().forEachRemaining(e -> pairs.put(e.getKey(), e.getValue().asText()));
        boolean templates = entry.path("includeTemplates").asBoolean(false);
        for (ObjectNode o : out) {
            putAll(metadata(o), pairs);
            if (templates && WORKLOADS.contains(kind(o))) {
                ObjectNode spec = child((ObjectNode) o, "spec");
                putAll(child(child(spec, "template"), "metadata"), pairs);
            }
        }
    }

    private static void putAll(ObjectNode meta, Map<String, String> pairs) {
        ObjectNode labels = child(meta, "labels");
        pairs.forEach(labels::put);
    }

    private static void applyReplicas(Path file, JsonNode entry, List<ObjectNode> out) {
        String name = entry.path("name").asText();
        boolean found = false;
        for (ObjectNode o : out) {
            if (SCALABLE.contains(kind(o)) && name.equals(metadata(o).path("name").asText())) {
                child(o, "spec").put("replicas", entry.path("count").asInt());
                found = true;
            }
        }
        if (!found) {
            throw new IllegalArgumentException(file + ": replicas entry '" + name + "' matches no workload");
        }
    }

    private static void applyImage(Path file, JsonNode entry, List<ObjectNode> out) {
        if (entry.has("digest")) {
            throw new UnsupportedOperationException(file + ": image digests are not supported");
        }
        String name = entry.path("name").asText();
        boolean found = false;
        for (ObjectNode o : out) {
            for (JsonNode pod : List.of(o.path("spec"), o.path("spec").path("template").path("spec"))) {
                for (String list : List.of("containers", "initContainers")) {
                    for (JsonNode c : pod.path(list)) {
                        String image = c.path("image").asText();
                        String bare = imageName(image);
                        if (bare.equals(name)) {
                            String tag = image.substring(bare.length());
                            String newName = entry.path("newName").asText(bare);
                            String newTag = entry.has("newTag") ? ":" + entry.get("newTag").asText() : tag;
                            ((ObjectNode) c).put("image", newName + newTag);
                            found = true;
                        }
                    }
                }
            }
        }
        if (!found) {
            throw new IllegalArgumentException(file + ": images entry '" + name + "' matches no container");
        }
    }

    /** The image reference without its tag or digest (a colon after the last slash starts the tag). */
    static String imageName(String image) {
        int at = image.indexOf('@');
        String s = at < 0 ? image : image.substring(0, at);
        int colon = s.lastIndexOf(':');
        return colon > s.lastIndexOf('/') ? s.substring(0, colon) : s;
    }

    private static ObjectNode child(ObjectNode parent, String field) {
        JsonNode c = parent.get(field);
        return c instanceof ObjectNode o ? o : parent.putObject(field);
    }

    private static ObjectNode metadata(ObjectNode o) {
        return child(o, "metadata");
    }

    private static String kind(JsonNode o) {
        return o.path("kind").asText();
    }

    private static String group(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    private static String version(JsonNode o) {
        String apiVersion = o.path("apiVersion").asText();
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }
}
