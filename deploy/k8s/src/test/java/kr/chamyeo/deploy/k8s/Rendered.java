package kr.chamyeo.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;

/** One or more kustomizations rendered together (what an operator applies to one namespace), typed. */
final class Rendered {

    static final Path K8S = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.ofEntries(
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Namespace", Namespace.class),
            Map.entry("v1/ResourceQuota", ResourceQuota.class),
            Map.entry("v1/LimitRange", LimitRange.class),
            Map.entry("scheduling.k8s.io/v1/PriorityClass", PriorityClass.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("gateway.networking.k8s.io/v1/HTTPRoute", HTTPRoute.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class));
    /**
     * Custom resources of the operators the infrastructure kustomizations target, at the API versions the
     * README's tested operator releases serve (Strimzi's v1 only: 1.0 removed v1beta2).
     */
    private static final List<String> CUSTOM = List.of("kafka.strimzi.io/v1/Kafka",
            "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaTopic", "kafka.strimzi.io/v1/KafkaUser",
            "postgresql.cnpg.io/v1/Cluster", "postgresql.cnpg.io/v1/ScheduledBackup",
            "barmancloud.cnpg.io/v1/ObjectStore", "k8s.keycloak.org/v2alpha1/Keycloak",
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport");
    /**
     * Strimzi's own typed model (io.strimzi:api) for its kinds: like fabric8's, it keeps fields it does not know
     * aside, so a misspelt or misplaced field fails here instead of being dropped by the API server.
     */
    private static final Map<String, Class<?>> STRIMZI = Map.of(
            "kafka.strimzi.io/v1/Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class,
            "kafka.strimzi.io/v1/KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class,
            "kafka.strimzi.io/v1/KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class,
            "kafka.strimzi.io/v1/KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class);
    /** Kinds without a namespace; every other object must name the one it belongs in. */
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "PriorityClass");

    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return Stream.of(type.getMethods()).filter(m -> m.getParameterCount() == 0 && m.getName().startsWith("get")
                    && m.getDeclaringClass() != Object.class).toList();
        }
    };

    final String name;
    final List<HasMetadata> objects = new ArrayList<>();
    /** The kustomization directory each object came from. */
    final Map<HasMetadata, String> origin = new java.util.IdentityHashMap<>();

    private Rendered(String name) {
        this.name = name;
    }

    /**
     * Renders each kustomization directory (relative to deploy/k8s) with the real kustomize, as
     * {@code kubectl apply -k} would, and parses every object. Each directory is rendered on its own because
     * each is applied on its own.
     */
    static Rendered of(String... dirs) {
        Rendered r = new Rendered(String.join(" + ", dirs));
        for (String dir : dirs) {
            String yaml = kustomize(K8S.resolve(dir));
            write(dir, yaml);
            for (ObjectNode node : readAll(yaml)) {
                HasMetadata object = parse(dir, node);
                r.objects.add(object);
                r.origin.put(object, dir);
            }
        }
        return r;
    }

    /**
     * {@code kubectl kustomize <dir>} (kubectl's built-in kustomize, what {@code kubectl apply -k} runs);
     * {@code -DKUBECTL=/path/to/kubectl} picks another binary. There is no fallback: a check on anything but
     * kustomize's own output would prove nothing about what gets applied.
     */
    static String kustomize(Path dir) {
        String kubectl = System.getProperty("KUBECTL", System.getenv().getOrDefault("KUBECTL", "kubectl"));
        try {
            Path err = Files.createTempFile("kustomize", ".err");
            Process p = new ProcessBuilder(kubectl, "kustomize", dir.toString()).redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + dir + " failed: " + Files.readString(err));
            }
            Files.delete(err);
            return out;
        } catch (IOException e) {
            throw new AssertionError("kubectl (with its built-in kustomize) is needed to render " + dir + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Every document of a multi-document YAML text, as JSON trees. */
    static List<ObjectNode> readAll(String yaml) {
        try {
            List<ObjectNode> out = new ArrayList<>();
            for (JsonNode doc : YAML.readValues(YAML.createParser(yaml), JsonNode.class).readAll()) {
                if (doc instanceof ObjectNode o) {
                    out.add(o);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> readAll(Path file) {
        try {
            return readAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Leaves the rendering in target/rendered/ for review (what `kubectl kustomize <dir>` prints). */
    private static void write(String dir, String yaml) {
        try {
            Path out = K8S.resolve("target/rendered/" + dir.replace('/', '-') + ".yaml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The image's repository without tag or digest: {@code registry:5000/a/b:1@sha256:...} gives {@code registry:5000/a/b}. */
    static String imageName(String image) {
        String name = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }

    private static HasMetadata parse(String dir, ObjectNode node) {
        String type = node.path("apiVersion").asText() + "/" + node.path("kind").asText();
        try {
            if (TYPES.containsKey(type)) {
                HasMetadata typed = JSON.treeToValue(node, TYPES.get(type));
                List<String> unknown = new ArrayList<>();
                unknownFields(typed, type + " " + node.path("metadata").path("name").asText(), unknown);
                if (!unknown.isEmpty()) {
                    throw new AssertionError(dir + ": fields the Kubernetes API does not know: " + unknown);
                }
                return typed;
            }
            if (CUSTOM.contains(type)) {
                if (STRIMZI.containsKey(type)) {
                    List<String> unknown = new ArrayList<>();
                    unknownFields(JSON.treeToValue(node, STRIMZI.get(type)), type + " "
                            + node.path("metadata").path("name").asText(), unknown);
                    if (!unknown.isEmpty()) {
                        throw new AssertionError(dir + ": fields Strimzi's API does not know: " + unknown);
                    }
                }
                return JSON.treeToValue(node, GenericKubernetesResource.class);
            }
        } catch (IOException e) {
            throw new AssertionError(dir + ": " + type + " does not parse: " + e.getMessage(), e);
        }
        throw new AssertionError(dir + ": unexpected resource type " + type);
    }

    /**
     * fabric8's and Strimzi's models keep fields they do not know in additionalProperties instead of failing;
     * any entry there is a misspelt or misplaced field that the API server would drop or reject.
     */
    private static void unknownFields(Object o, String path, List<String> problems) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")
                && !o.getClass().getName().startsWith("io.fabric8.openshift.api.model")
                && !o.getClass().getName().startsWith("io.strimzi.api.")) {
            return;
        }
        for (Method m : GETTERS.get(o.getClass())) {
            Object value;
            try {
                value = m.invoke(o);
            } catch (IllegalAccessException | InvocationTargetException e) {
                continue;
            }
            if (m.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": " + extra.keySet());
                }
            } else {
                unknownFields(value, path + "." + m.getName().substring(3), problems);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }

    <T extends HasMetadata> Stream<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }

    Stream<GenericKubernetesResource> custom(String kind) {
        return all(GenericKubernetesResource.class).filter(r -> kind.equals(r.getKind()));
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
        List<T> found = all(type).filter(o -> name.equals(o.getMetadata().getName())).toList();
        if (found.size() != 1) {
            throw new AssertionError(this.name + ": expected one " + type.getSimpleName() + " " + name + ", found "
                    + found.size());
        }
        return found.get(0);
    }

    /** Kubernetes label selector semantics (matchLabels and matchExpressions; an empty selector matches all). */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!Objects.equals(labels.get(e.getKey()), e.getValue())) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> throw new AssertionError("unknown selector operator " + r.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }
}
