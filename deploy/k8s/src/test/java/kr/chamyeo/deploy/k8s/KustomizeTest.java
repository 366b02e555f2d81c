package kr.chamyeo.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The renderer against what kustomize does for the same inputs (expected outputs follow kustomize's docs). */
class KustomizeTest {

    @TempDir
    Path dir;

    static final String DEPLOYMENTS = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: one
            spec:
              selector:
                matchLabels: {app: one}
              template:
                metadata:
                  labels: {app: one}
                spec:
                  containers:
                    - name: main
                      image: chamyeo/one
                      args: [a, b]
                      env:
                        - {name: X, value: "1"}
                    - name: sidecar
                      image: example.org:5000/tools/sidecar:2.1
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: two
            spec:
              replicas: 4
              template:
                spec:
                  containers:
                    - name: main
                      image: chamyeo/two:0.9
            """;

    private Path write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private List<ObjectNode> render(String kustomization) throws IOException {
        write("base/deployments.yaml", DEPLOYMENTS);
        write("base/kustomization.yaml", "resources: [deployments.yaml]\n");
        write("overlay/kustomization.yaml", kustomization);
        return Kustomize.render(dir.resolve("overlay"));
    }

    private static JsonNode container(List<ObjectNode> objects, String deployment, int index) {
        return objects.stream().filter(o -> o.at("/metadata/name").asText().equals(deployment)).findFirst().orElseThrow()
                .at("/spec/template/spec/containers/" + index);
    }

    @Test
    void strategicMergeMergesContainersAndEnvByNameAndReplacesPlainLists() throws IOException {
        write("overlay/patch.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: one
                spec:
                  template:
                    spec:
                      containers:
                        - name: main
                          args: [z]
                          env:
                            - {name: X, value: "3"}
                            - {name: Y, value: "2"}
                """);
        List<ObjectNode> out = render("resources: [../base]\npatches:\n  - path: patch.yaml\n");
        JsonNode main = container(out, "one", 0);
        assertEquals("[\"z\"]", main.get("args").toString(), "args has no merge key: replaced");
        assertEquals("[{\"name\":\"X\",\"value\":\"3\"},{\"name\":\"Y\",\"value\":\"2\"}]", main.get("env").toString());
        assertEquals("chamyeo/one", main.get("image").asText(), "fields the patch does not name stay");
        assertEquals("sidecar", container(out, "one", 1).get("name").asText(), "the other container stays");
    }

    @Test
    void nullInAPatchDeletesTheField() throws IOException {
        List<ObjectNode> out = render("""
                resources: [../base]
                patches:
                  - patch: |-
                      apiVersion: apps/v1
                      kind: Deployment
                      metadata: {name: two}
                      spec:
                        replicas: null
                """);
        assertFalse(out.get(1).get("spec").has("replicas"));
    }

    @Test
    void jsonPatchWithAKindTargetChangesEveryMatch() throws IOException {
        List<ObjectNode> out = render("""
                resources: [../base]
                patches:
                  - target: {kind: Deployment}
                    patch: |-
                      - op: add
                        path: /spec/replicas
                        value: 2
                      - op: replace
                        path: /spec/template/spec/containers/0/name
                        value: app
                """);
        for (ObjectNode o : out) {
            assertEquals(2, o.at("/spec/replicas").asInt());
            assertEquals("app", o.at("/spec/template/spec/containers/0/name").asText());
        }
    }

    @Test
    void customResourcesAreMergedAsJsonMergePatchWithListsReplaced() throws IOException {
        write("crd/topic.yaml", """
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec:
                  partitions: 6
                  config: {min.insync.replicas: 2, retention.ms: 100}
                  containers: [{name: a, x: 1}]
                """);
        write("crd/kustomization.yaml", """
                resources: [topic.yaml]
                patches:
                  - target: {kind: KafkaTopic}
                    patch: |-
                      apiVersion: kafka.strimzi.io/v1beta2
                      kind: KafkaTopic
                      metadata: {name: ignored}
                      spec:
                        config: {min.insync.replicas: 1}
                        containers: [{name: a, y: 2}]
                """);
        ObjectNode topic = Kustomize.render(dir.resolve("crd")).get(0);
        assertEquals("t", topic.at("/metadata/name").asText(), "a target patch does not rename");
        assertEquals(1, topic.at("/spec/config/min.insync.replicas").asInt());
        assertEquals(100, topic.at("/spec/config/retention.ms").asInt());
        assertEquals("[{\"name\":\"a\",\"y\":2}]", topic.at("/spec/containers").toString(),
                "no schema, no merge keys: the list is replaced");
    }

    @Test
    void imagesReplaceNameAndTagOfMatchingContainersOnly() throws IOException {
        List<ObjectNode> out = render("""
                resources: [../base]
                images:
                  - name: chamyeo/one
                    newName: registry.example/chamyeo/one
                    newTag: "1.0"
                  - name: chamyeo/two
                    newTag: "1.1"
                  - name: example.org:5000/tools/sidecar
                    newName: mirror.example/sidecar
                """);
        assertEquals("registry.example/chamyeo/one:1.0", container(out, "one", 0).get("image").asText());
        assertEquals("mirror.example/sidecar:2.1", container(out, "one", 1).get("image").asText(), "tag kept");
        assertEquals("chamyeo/two:1.1", container(out, "two", 0).get("image").asText());
    }

    @Test
    void namespaceLabelsAndReplicasApplyAfterTheBaseIsRendered() throws IOException {
        List<ObjectNode> out = render("""
                namespace: ns
                resources: [../base]
                labels:
                  - pairs: {team: civic}
                    includeTemplates: true
                replicas:
                  - name: one
                    count: 3
                """);
        ObjectNode one = out.get(0);
        assertEquals("ns", one.at("/metadata/namespace").asText());
        assertEquals("civic", one.at("/metadata/labels/team").asText());
        assertEquals("civic", one.at("/spec/template/metadata/labels/team").asText());
        assertEquals("{\"app\":\"one\"}", one.at("/spec/selector/matchLabels").toString(), "selectors untouched");
        assertEquals(3, one.at("/spec/replicas").asInt());
        assertEquals(4, out.get(1).at("/spec/replicas").asInt());
    }

    @Test
    void configMapGeneratorReadsFilesAndLiterals() throws IOException {
        write("gen/dash.json", "{\"a\": 1}\n");
        write("gen/kustomization.yaml", """
                configMapGenerator:
                  - name: dashboards
                    files: [dash.json, renamed.json=dash.json]
                    literals: [MODE=prod]
                    options:
                      disableNameSuffixHash: true
                      labels: {grafana_dashboard: "1"}
                """);
        ObjectNode cm = Kustomize.render(dir.resolve("gen")).get(0);
        assertEquals("dashboards", cm.at("/metadata/name").asText());
        assertEquals("1", cm.at("/metadata/labels/grafana_dashboard").asText());
        assertEquals("{\"a\": 1}\n", cm.at("/data/dash.json").asText());
        assertEquals("{\"a\": 1}\n", cm.at("/data/renamed.json").asText());
        assertEquals("prod", cm.at("/data/MODE").asText());
    }

    @Test
    void refusesWhatItDoesNotImplementInsteadOfRenderingSomethingElse() throws IOException {
        assertThrows(UnsupportedOperationException.class,
                () -> render("resources: [../base]\ncommonLabels: {a: b}\n"));
        assertThrows(UnsupportedOperationException.class, () -> render("""
                resources: [../base]
                labels:
                  - pairs: {a: b}
                    includeSelectors: true
                """));
        assertThrows(IllegalArgumentException.class, () -> render("""
                resources: [../base]
                patches:
                  - target: {kind: StatefulSet}
                    patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 1
                """), "a patch that hits nothing is a mistake");
        assertThrows(IllegalArgumentException.class, () -> render("""
                resources: [../base]
                patches:
                  - target: {kind: Deployment, name: one}
                    patch: |-
                      - op: replace
                        path: /spec/replicas
                        value: 1
                """), "replace of a missing field fails, as RFC 6902 requires");
        write("gen/kustomization.yaml", "configMapGenerator:\n  - name: x\n    literals: [A=1]\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.render(dir.resolve("gen")),
                "hashed generator names are not implemented");
    }

    @Test
    void renderedYamlKeepsStringsThatLookLikeNumbers() throws IOException {
        List<ObjectNode> out = render("resources: [../base]\n");
        out.get(0).with("metadata").with("annotations").put("prometheus.io/port", "8082");
        String yaml = Kustomize.toYaml(out);
        assertTrue(yaml.contains("prometheus.io/port: \"8082\""), yaml);
        assertTrue(yaml.contains("\n---\n"), "one document per object");
    }
}
