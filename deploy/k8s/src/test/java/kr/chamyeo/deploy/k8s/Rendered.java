package kr.chamyeo.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** One or more kustomizations rendered together (what an operator applies to one namespace), typed. */
final class Rendered {

    static final Path K8S = Path.of("").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ConfigMap", ConfigMap.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    /** Custom resources of the operators the infrastructure kustomizations target. */
    private static final List<String> CUSTOM = List.of("kafka.strimzi.io/v1beta2/Kafka",
            "kafka.strimzi.io/v1beta2/KafkaNodePool", "kafka.strimzi.io/v1beta2/KafkaTopic",
            "postgresql.cnpg.io/v1/Cluster");

    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            return Stream.of(type.getMethods()).filter(m -> m.getParameterCount() == 0 && m.getName().startsWith("get")
                    && m.getDeclaringClass() != Object.class).toList();
        }
    };

    final String name;
    final List<HasMetadata> objects = new ArrayList<>();

    private Rendered(String name) {
        this.name = name;
    }

    /** Renders each kustomization directory (relative to deploy/k8s) and parses every object. */
    static Rendered of(String... dirs) {
        Rendered r = new Rendered(String.join(" + ", dirs));
        for (String dir : dirs) {
            List<ObjectNode> raw = Kustomize.render(K8S.resolve(dir));
            write(dir, raw);
            for (ObjectNode node : raw) {
                r.objects.add(parse(dir, node));
            }
        }
        return r;
    }

    /** Leaves the rendering in target/rendered/ for review (what `kubectl kustomize <dir>` prints). */
    private static void write(String dir, List<ObjectNode> raw) {
        try {
            Path out = K8S.resolve("target/rendered/" + dir.replace('/', '-') + ".yaml");
            Files.createDirectories(out.getParent());
            Files.writeString(out, Kustomize.toYaml(raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
                return JSON.treeToValue(node, GenericKubernetesResource.class);
            }
        } catch (IOException e) {
            throw new AssertionError(dir + ": " + type + " does not parse: " + e.getMessage(), e);
        }
        throw new AssertionError(dir + ": unexpected resource type " + type);
    }

    /**
     * fabric8's model keeps fields it does not know in additionalProperties instead of failing; any entry
     * there is a misspelt or misplaced field that the API server would drop or reject.
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
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
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
