package kr.chamyeo.deploy.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Renders what an operator applies (an app overlay together with an infrastructure kustomization) and checks
 * the rules reviewers look for, without a cluster.
 */
class ManifestsTest {

    static final List<String> SERVICES = List.of("budget", "voting", "community", "governance");
    static final List<String> APPS = List.of("budget-service", "voting-service", "community-service",
            "governance-service", "gateway");
    static final String NAME = "app.kubernetes.io/name";

    /** What an operator applies, in order (README, "Install"): the namespace, the infrastructure, the apps. */
    static final Rendered DEV = Rendered.of("namespace", "infrastructure/operators-dev", "overlays/dev");
    static final Rendered PROD = Rendered.of("namespace", "infrastructure/operators", "overlays/prod");
    static final Rendered PROD_MANAGED = Rendered.of("namespace", "infrastructure/managed", "overlays/prod");
    static final Rendered PROD_GATEWAY_API = Rendered.of("namespace", "infrastructure/operators",
            "overlays/prod-gateway-api");

    static Stream<Rendered> variants() {
        return Stream.of(DEV, PROD, PROD_MANAGED, PROD_GATEWAY_API);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyAppIsDeployedOnceWithItsServiceConfigMapAndDisruptionBudget(Rendered r) {
        assertEquals(Set.copyOf(APPS), r.all(Deployment.class).map(d -> d.getMetadata().getName())
                .collect(Collectors.toSet()));
        for (String app : APPS) {
            r.one(Service.class, app);
            r.one(ConfigMap.class, app);
            Deployment d = r.one(Deployment.class, app);
            assertEquals("chamyeo", d.getMetadata().getNamespace());
            List<PodDisruptionBudget> pdbs = r.all(PodDisruptionBudget.class)
                    .filter(p -> Rendered.selects(p.getSpec().getSelector(), podLabels(d))).toList();
            assertEquals(1, pdbs.size(), app + " needs exactly one PodDisruptionBudget");
            // A budget that allows no eviction at all would block node drains.
            assertEquals(1, pdbs.get(0).getSpec().getMaxUnavailable().getIntVal(), app);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyContainerHasHealthProbesRequestsAndLimits(Rendered r) {
        for (Deployment d : r.all(Deployment.class).toList()) {
            for (Container c : containers(d)) {
                String where = d.getMetadata().getName() + "/" + c.getName();
                assertProbe(where, c.getStartupProbe(), "/q/health/started", c);
                assertProbe(where, c.getReadinessProbe(), "/q/health/ready", c);
                assertProbe(where, c.getLivenessProbe(), "/q/health/live", c);
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = c.getResources().getRequests().get(resource);
                    Quantity limit = c.getResources().getLimits().get(resource);
                    assertNotNull(request, where + " requests." + resource);
                    assertNotNull(limit, where + " limits." + resource);
                    assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                            where + " " + resource + " request above its limit");
                }
            }
        }
    }

    private static void assertProbe(String where, Probe probe, String path, Container c) {
        assertNotNull(probe, where + " probe on " + path);
        assertEquals(path, probe.getHttpGet().getPath(), where);
        String port = probe.getHttpGet().getPort().getStrVal();
        assertTrue(c.getPorts().stream().anyMatch(p -> p.getName().equals(port)), where + " probe port " + port);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void imagesArePinnedToARegistryAndTag(Rendered r) {
        boolean prod = r != DEV;
        for (Deployment d : r.all(Deployment.class).toList()) {
            for (Container c : containers(d)) {
                String image = c.getImage();
                String bare = Rendered.imageName(image);
                assertTrue(image.length() > bare.length() + 1 && image.charAt(bare.length()) == ':', image + " has no tag");
                String tag = image.substring(bare.length() + 1).replaceFirst("@.*", "");
                assertFalse(tag.equalsIgnoreCase("latest"), image);
                assertEquals("registry.chamyeo.example/chamyeo/" + d.getMetadata().getName(), bare);
                if (prod) {
                    // A tag can be pushed again; only a digest makes the running image the tested one.
                    assertTrue(image.matches(".*@sha256:[0-9a-f]{64}"), image + " is not pinned by digest");
                }
                if (tag.endsWith("-SNAPSHOT")) {
                    // Rebuilt under the same tag: a node's cached copy would be an older build.
                    assertEquals("Always", c.getImagePullPolicy(), image);
                }
                assertEquals(List.of("chamyeo-registry"), d.getSpec().getTemplate().getSpec().getImagePullSecrets()
                        .stream().map(s -> s.getName()).toList(), d.getMetadata().getName() + " pulls from the private registry");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void podsRunAsNonRootOnAReadOnlyFilesystemWithoutPrivileges(Rendered r) {
        for (Deployment d : r.all(Deployment.class).toList()) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            String app = d.getMetadata().getName();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), app);
            assertTrue(pod.getSecurityContext().getRunAsUser() > 0, app);
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), app);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), app + " needs no API token");
            for (Container c : containers(d)) {
                var sc = c.getSecurityContext();
                assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), app);
                assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), app);
                assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), app);
                assertNull(sc.getPrivileged(), app);
                // The JVM and Vert.x need a writable /tmp; it must be an emptyDir, not the image.
                String volume = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp"))
                        .findFirst().orElseThrow(() -> new AssertionError(app + " mounts no /tmp")).getName();
                assertTrue(pod.getVolumes().stream().anyMatch(v -> v.getName().equals(volume) && v.getEmptyDir() != null),
                        app + " /tmp is an emptyDir");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void shutdownFinishesRequestsWithinTheGracePeriod(Rendered r) {
        for (Deployment d : r.all(Deployment.class).toList()) {
            String app = d.getMetadata().getName();
            ConfigMap config = r.one(ConfigMap.class, app);
            Matcher timeout = Pattern.compile("(\\d+)s").matcher(config.getData().get("QUARKUS_SHUTDOWN_TIMEOUT"));
            assertTrue(timeout.matches(), app + " QUARKUS_SHUTDOWN_TIMEOUT in seconds");
            Container c = containers(d).get(0);
            List<String> preStop = c.getLifecycle().getPreStop().getExec().getCommand();
            assertEquals("sleep", preStop.get(0), app);
            long needed = Long.parseLong(timeout.group(1)) + Long.parseLong(preStop.get(1));
            assertTrue(d.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds() > needed,
                    app + ": preStop + shutdown timeout must end before SIGKILL");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyServiceSelectsTheDeploymentOfItsNameOnItsHttpPort(Rendered r) {
        for (Service s : r.all(Service.class).toList()) {
            Map<String, String> selector = s.getSpec().getSelector();
            assertFalse(selector == null || selector.isEmpty(), s.getMetadata().getName() + " selects nothing");
            List<Deployment> selected = r.all(Deployment.class)
                    .filter(d -> podLabels(d).entrySet().containsAll(selector.entrySet())).toList();
            assertEquals(1, selected.size(), s.getMetadata().getName() + " must select exactly one Deployment");
            Deployment d = selected.get(0);
            assertEquals(s.getMetadata().getName(), d.getMetadata().getName());
            for (var port : s.getSpec().getPorts()) {
                String target = port.getTargetPort().getStrVal();
                ContainerPort cp = containers(d).get(0).getPorts().stream().filter(p -> p.getName().equals(target))
                        .findFirst().orElseThrow(() -> new AssertionError(s.getMetadata().getName() + " targets "
                                + target + ", which " + d.getMetadata().getName() + " does not expose"));
                assertEquals(cp.getContainerPort(), port.getPort(), "Service port equals the app's port");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void portsMatchTheAppsOwnConfiguration(Rendered r) throws IOException {
        Map<String, Integer> configured = new HashMap<>();
        for (String app : APPS) {
            configured.put(app, configuredPort(app));
        }
        for (String app : APPS) {
            Deployment d = r.one(Deployment.class, app);
            Container c = containers(d).get(0);
            assertEquals(List.of(configured.get(app)), c.getPorts().stream().map(ContainerPort::getContainerPort).toList(),
                    app + " container port vs its application.properties");
        }
        Map<String, String> gateway = r.one(ConfigMap.class, "gateway").getData();
        for (String svc : SERVICES) {
            assertEquals("http://" + svc + "-service:" + configured.get(svc + "-service"),
                    gateway.get("CHAMYEO_GATEWAY_SERVICES_" + svc.toUpperCase()), "gateway route to " + svc);
        }
    }

    /** The default of quarkus.http.port (written `${PORT:8081}`) in the app's application.properties. */
    static int configuredPort(String app) throws IOException {
        Path file = Rendered.K8S.resolve("../../" + app + "/src/main/resources/application.properties").normalize();
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(file)));
        Matcher m = Pattern.compile("(?:\\$\\{[A-Z_]+:)?(\\d+)}?").matcher(p.getProperty("quarkus.http.port", "8080"));
        assertTrue(m.matches(), file + " quarkus.http.port");
        return Integer.parseInt(m.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyConfigMapReferenceResolves(Rendered r) {
        Map<String, Map<String, String>> maps = r.all(ConfigMap.class)
                .collect(Collectors.toMap(c -> c.getMetadata().getName(), ConfigMap::getData));
        for (Deployment d : r.all(Deployment.class).toList()) {
            for (Container c : containers(d)) {
                for (EnvFromSource from : c.getEnvFrom()) {
                    assertNotNull(from.getConfigMapRef(), "envFrom only ConfigMaps: secrets are named key by key");
                    assertTrue(maps.containsKey(from.getConfigMapRef().getName()), from.getConfigMapRef().getName());
                }
                for (var mount : c.getVolumeMounts()) {
                    var volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                            .filter(v -> v.getName().equals(mount.getName())).findFirst()
                            .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " mounts no volume " + mount.getName()));
                    if (volume.getConfigMap() != null) {
                        assertTrue(maps.containsKey(volume.getConfigMap().getName()), r.name + ": ConfigMap "
                                + volume.getConfigMap().getName());
                    }
                }
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = env.getValueFrom().getConfigMapKeyRef();
                        assertTrue(maps.containsKey(ref.getName()), r.name + ": ConfigMap " + ref.getName());
                        assertTrue(maps.get(ref.getName()).containsKey(ref.getKey()),
                                r.name + ": " + ref.getName() + " has no key " + ref.getKey() + " for " + env.getName());
                    }
                }
            }
        }
    }

    /**
     * The UBI image's run-java.sh always adds GC_CONTAINER_OPTIONS (ParallelGC when unset) and appends the JVM
     * arguments baked in at build time: a collector named in both places stops the JVM at start.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everyAppStartsWithExactlyOneGarbageCollector(Rendered r) throws IOException {
        Pattern collector = Pattern.compile("-XX:\\+Use\\w+GC");
        for (String app : APPS) {
            String options = r.one(ConfigMap.class, app).getData().get("GC_CONTAINER_OPTIONS");
            assertNotNull(options, r.name + ": " + app + " names its collector");
            assertEquals(1, collector.matcher(options).results().count(), r.name + ": " + app + " " + options);
            assertEquals(app.equals("gateway") ? "-XX:+UseParallelGC" : "-XX:+UseG1GC", options.trim(), r.name + ": " + app);
        }
        String build = Files.readString(Rendered.K8S.resolve("build-images.sh"));
        Matcher jvmArguments = Pattern.compile("jvm-additional-arguments=([^\"\\s]*)").matcher(build);
        assertTrue(jvmArguments.find(), "build-images.sh sets the image's JVM arguments");
        assertFalse(collector.matcher(jvmArguments.group(1)).find(), "image JVM arguments name no collector: " + jvmArguments.group(1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void everySecretReferenceIsADocumentedSecretKey(Rendered r) {
        Map<String, List<String>> documented = requiredSecrets();
        assertTrue(documented.keySet().containsAll(secretsUsed(r).keySet()), r.name + " uses undocumented Secrets: "
                + secretsUsed(r).keySet());
        secretsUsed(r).forEach((name, keys) -> assertTrue(documented.get(name).containsAll(keys),
                name + " keys " + keys + " are not all documented"));
        for (Deployment d : r.all(Deployment.class).toList()) {
            for (Container c : containers(d)) {
                for (EnvVar env : c.getEnv()) {
                    if (env.getValue() != null) {
                        assertFalse(env.getName().matches(".*(PASSWORD|SECRET|KEY|TOKEN).*"),
                                env.getName() + " carries a secret value in the manifest");
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        assertFalse(Boolean.TRUE.equals(ref.getOptional()), ref.getName() + " must not be optional");
                    }
                }
            }
        }
        // Where Strimzi runs Kafka, each service's login is the Secret its User Operator writes for the KafkaUser.
        Set<String> kafkaUsers = r.custom("KafkaUser").map(u -> u.getMetadata().getName()).collect(Collectors.toSet());
        if (r.custom("Kafka").findAny().isPresent()) {
            requiredSecretsFromStrimzi().forEach(secret -> assertTrue(kafkaUsers.contains(secret), secret + " comes from a KafkaUser"));
        }
        // Where CloudNativePG runs the databases, the credentials and CA Secrets are its <cluster>-app and
        // <cluster>-ca Secrets: nobody creates them by hand.
        Set<String> clusters = r.custom("Cluster").map(c -> c.getMetadata().getName()).collect(Collectors.toSet());
        if (!clusters.isEmpty()) {
            requiredSecretsFromCnpg().forEach((secret, cluster) -> {
                assertTrue(clusters.contains(cluster), secret + " comes from Cluster " + cluster);
                assertTrue(secret.equals(cluster + "-app") || secret.equals(cluster + "-ca"), secret);
            });
        }
        assertFalse(r.all(ConfigMap.class).anyMatch(c -> c.getData().keySet().stream()
                .anyMatch(k -> k.matches("(?i).*(password|secret).*"))), "no secret values in ConfigMaps");
    }

    /** Every documented Secret is used by some variant: the list has nothing stale. */
    @Test
    void requiredSecretsListsExactlyTheSecretsInUse() {
        Set<String> used = variants().flatMap(r -> secretsUsed(r).keySet().stream()).collect(Collectors.toSet());
        assertEquals(requiredSecrets().keySet(), used);
    }

    /**
     * Issue 23: a service connects as a role that owns nothing (rows only), Flyway as the database's owner, so the
     * running service can neither alter its tables nor lift the audit trail's guard; where CloudNativePG runs the
     * databases it creates that role from the Secret the service reads.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    @SuppressWarnings("unchecked")
    void servicesConnectAsTheirRowOnlyRoleAndMigrateAsTheOwner(Rendered r) {
        for (String svc : SERVICES) {
            Map<String, String> fromSecrets = new HashMap<>();
            for (EnvVar env : containers(r.one(Deployment.class, svc + "-service")).get(0).getEnv()) {
                if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                    var ref = env.getValueFrom().getSecretKeyRef();
                    fromSecrets.put(env.getName(), ref.getName() + "/" + ref.getKey());
                }
            }
            assertEquals(svc + "-db-service/username", fromSecrets.get("QUARKUS_DATASOURCE_USERNAME"), svc);
            assertEquals(svc + "-db-service/password", fromSecrets.get("QUARKUS_DATASOURCE_PASSWORD"), svc);
            assertEquals(svc + "-db-app/username", fromSecrets.get("QUARKUS_FLYWAY_USERNAME"), svc);
            assertEquals(svc + "-db-app/password", fromSecrets.get("QUARKUS_FLYWAY_PASSWORD"), svc);
            r.custom("Cluster").filter(c -> c.getMetadata().getName().equals(svc + "-db")).forEach(cluster -> {
                List<Object> roles = (List<Object>) map(spec(cluster).get("managed")).get("roles");
                assertTrue(roles != null && roles.stream().map(ManifestsTest::map).anyMatch(role ->
                        ("chamyeo_" + svc + "_app").equals(role.get("name")) && Boolean.TRUE.equals(role.get("login"))
                                && (svc + "-db-service").equals(map(role.get("passwordSecret")).get("name"))
                                && role.get("superuser") == null && role.get("createdb") == null && role.get("createrole") == null),
                        r.name + ": Cluster " + svc + "-db creates the role chamyeo_" + svc + "_app from " + svc + "-db-service");
            });
        }
    }

    /**
     * Issue 23: Kafka takes only authenticated clients, and each service's KafkaUser writes exactly the topics its
     * code publishes and reads exactly those it consumes, so one service's credentials cannot forge another's events.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    @SuppressWarnings("unchecked")
    void eachServiceLogsInToKafkaAsAUserThatWritesOnlyWhatItPublishes(Rendered r) {
        for (String service : EventTopics.SERVICES) {
            assertTrue(containers(r.one(Deployment.class, service)).get(0).getEnv().stream().anyMatch(env ->
                    env.getName().equals("KAFKA_SASL_JAAS_CONFIG") && env.getValueFrom().getSecretKeyRef().getName().equals(service)
                            && env.getValueFrom().getSecretKeyRef().getKey().equals("sasl.jaas.config")), service);
        }
        if (r.custom("Kafka").findAny().isEmpty()) {
            return;
        }
        Map<String, Object> kafka = map(spec(r.custom("Kafka").findFirst().orElseThrow()).get("kafka"));
        assertEquals("simple", map(kafka.get("authorization")).get("type"), "ACLs are enforced");
        for (Object listener : (List<Object>) kafka.get("listeners")) {
            assertEquals("scram-sha-512", map(map(listener).get("authentication")).get("type"), "every listener authenticates");
        }
        Map<String, List<String>> inCode = EventTopics.inCode();
        for (String service : EventTopics.SERVICES) {
            GenericKubernetesResource user = r.custom("KafkaUser").filter(u -> u.getMetadata().getName().equals(service))
                    .findFirst().orElseThrow(() -> new AssertionError(r.name + ": no KafkaUser " + service));
            assertEquals("scram-sha-512", map(spec(user).get("authentication")).get("type"));
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            for (Object acl : (List<Object>) map(spec(user).get("authorization")).get("acls")) {
                Map<String, Object> resource = map(map(acl).get("resource"));
                List<String> operations = (List<String>) map(acl).get("operations");
                assertEquals("literal", resource.get("patternType"), service + ": whole names only");
                String name = (String) resource.get("name");
                if ("group".equals(resource.get("type"))) {
                    assertEquals(List.of("Read"), operations);
                    groups.add(name);
                } else {
                    assertEquals("topic", resource.get("type"));
                    assertTrue(Set.of("Write", "Read", "Describe").containsAll(operations), service + " " + operations);
                    if (operations.contains("Write")) {
                        writes.add(name);
                    }
                    if (operations.contains("Read")) {
                        reads.add(name);
                    }
                }
            }
            assertEquals(topicsWhere(inCode, service + " produces"), writes, service + " writes");
            assertEquals(topicsWhere(inCode, service + " consumes"), reads, service + " reads");
            assertEquals(Set.of(service), groups, service + " commits offsets of its own consumer group only");
        }
    }

    private static Set<String> topicsWhere(Map<String, List<String>> inCode, String use) {
        return inCode.entrySet().stream().filter(e -> e.getValue().contains(use)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Secret name -> keys read, from env, volumes, image pulls, Ingress TLS and the backup object store. */
    static Map<String, Set<String>> secretsUsed(Rendered r) {
        Map<String, Set<String>> used = new HashMap<>();
        for (Deployment d : r.all(Deployment.class).toList()) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            for (Container c : pod.getContainers()) {
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        var ref = env.getValueFrom().getSecretKeyRef();
                        used.computeIfAbsent(ref.getName(), k -> new HashSet<>()).add(ref.getKey());
                    }
                }
            }
            for (var volume : pod.getVolumes()) {
                if (volume.getSecret() != null) {
                    Set<String> keys = used.computeIfAbsent(volume.getSecret().getSecretName(), k -> new HashSet<>());
                    assertFalse(volume.getSecret().getItems().isEmpty(),
                            d.getMetadata().getName() + ": mount only the keys needed from " + volume.getSecret().getSecretName());
                    volume.getSecret().getItems().forEach(i -> keys.add(i.getKey()));
                }
            }
            pod.getImagePullSecrets().forEach(s -> used.computeIfAbsent(s.getName(), k -> new HashSet<>())
                    .add(".dockerconfigjson"));
        }
        for (Ingress ingress : r.all(Ingress.class).toList()) {
            ingress.getSpec().getTls().forEach(t -> used.computeIfAbsent(t.getSecretName(), k -> new HashSet<>())
                    .addAll(List.of("tls.crt", "tls.key")));
        }
        r.custom("ObjectStore").forEach(store -> {
            Map<String, Object> s3 = map(map(spec(store).get("configuration")).get("s3Credentials"));
            for (Object ref : s3.values()) {
                used.computeIfAbsent((String) map(ref).get("name"), k -> new HashSet<>()).add((String) map(ref).get("key"));
            }
        });
        return used;
    }

    @Test
    void readmeTellsHowToCreateEverySecretTheOperatorOwns() throws IOException {
        String readme = Files.readString(Rendered.K8S.resolve("README.md"));
        Map<String, String> cnpg = requiredSecretsFromCnpg();
        requiredSecrets().forEach((name, keys) -> {
            Matcher m = Pattern.compile("kubectl[^\\n]*create secret [a-z-]+ " + Pattern.quote(name) + "((?:\\\\\\n|[^\\n])*)")
                    .matcher(readme);
            assertTrue(m.find(), "README: no `kubectl create secret ... " + name + "`");
            String command = m.group(1);
            for (String key : keys) {
                boolean tls = key.startsWith("tls.");
                boolean registry = key.equals(".dockerconfigjson");
                assertTrue(tls ? command.contains("--cert") : registry ? command.contains("--docker-server")
                        : command.contains("--from-literal=" + key + "=") || command.contains("--from-file=" + key + "="),
                        "README command for " + name + " sets " + key);
            }
            if (cnpg.containsKey(name)) {
                assertTrue(readme.contains(name), name);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void networkPoliciesDenyByDefaultAndOpenOnlyWhatEachAppNeeds(Rendered r) {
        List<NetworkPolicy> policies = r.all(NetworkPolicy.class).toList();
        for (String app : APPS) {
            Map<String, String> labels = podLabels(r.one(Deployment.class, app));
            List<NetworkPolicy> mine = policies.stream()
                    .filter(p -> Rendered.selects(p.getSpec().getPodSelector(), labels)).toList();
            assertTrue(mine.stream().anyMatch(p -> p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                    && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()),
                    app + " is not covered by a default-deny policy");
            List<NetworkPolicyPeer> from = mine.stream().flatMap(p -> p.getSpec().getIngress().stream())
                    .flatMap(rule -> {
                        assertFalse(rule.getFrom().isEmpty(), app + ": an ingress rule without peers admits everyone");
                        rule.getPorts().forEach(port -> assertEquals("http", port.getPort().getStrVal(), app));
                        return rule.getFrom().stream();
                    }).toList();
            assertFalse(from.isEmpty(), app + " accepts nothing at all");
            for (NetworkPolicyPeer peer : from) {
                assertNull(peer.getIpBlock(), app + " must not accept traffic by IP range");
                if (peer.getNamespaceSelector() == null) {
                    // Same namespace: only the gateway may call the services.
                    assertFalse(app.equals("gateway"), "the gateway takes in-namespace traffic from nobody");
                    assertEquals(Map.of(NAME, "gateway"), peer.getPodSelector().getMatchLabels(), app);
                } else {
                    String ns = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                    String pods = peer.getPodSelector() == null ? "*" : peer.getPodSelector().getMatchLabels().get(NAME);
                    boolean prometheus = ns.equals("monitoring") && pods.equals("prometheus");
                    // ingress-nginx's controller, or the proxies of a Gateway API Gateway (components/gateway-api).
                    boolean edge = ns.equals("ingress-nginx") && pods.equals("ingress-nginx") || ns.equals("gateway-system");
                    assertTrue(prometheus || (edge && app.equals("gateway")),
                            app + " admits " + ns + "/" + pods + "; only the gateway is reachable from the edge");
                }
            }
            List<NetworkPolicyPeer> to = mine.stream().flatMap(p -> p.getSpec().getEgress().stream())
                    .flatMap(rule -> rule.getTo().stream()).toList();
            assertTrue(to.stream().anyMatch(p -> p.getNamespaceSelector() != null && p.getPodSelector() != null
                    && "kube-dns".equals(p.getPodSelector().getMatchLabels().get("k8s-app"))), app + " resolves names");
            // NodeLocal DNSCache answers on a link-local address from the host network, where no selector reaches.
            assertTrue(to.stream().anyMatch(p -> p.getIpBlock() != null && p.getIpBlock().getCidr().equals("169.254.20.10/32")),
                    app + " resolves names through NodeLocal DNSCache");
            for (var rule : mine.stream().flatMap(p -> p.getSpec().getEgress().stream()).toList()) {
                assertFalse(rule.getTo().isEmpty(), app + ": an egress rule without peers reaches every address");
                assertFalse(rule.getPorts().isEmpty(), app + ": an egress rule without ports reaches every port");
                for (NetworkPolicyPeer peer : rule.getTo()) {
                    if (peer.getIpBlock() != null) {
                        int prefix = Integer.parseInt(peer.getIpBlock().getCidr().replaceFirst(".*/", ""));
                        assertTrue(prefix >= 24, app + " may send to all of " + peer.getIpBlock().getCidr());
                    }
                }
            }
            // Token keys come from the issuer's namespace (an in-cluster Keycloak) on its HTTP(S) ports, not from
            // the whole internet.
            assertTrue(mine.stream().flatMap(p -> p.getSpec().getEgress().stream()).anyMatch(rule ->
                    rule.getTo().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                            && "keycloak".equals(peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")))
                            && rule.getPorts().stream().map(port -> port.getPort().getIntVal()).toList().containsAll(List.of(8080, 8443))),
                    app + " reaches the OIDC issuer");
            if (!app.equals("gateway")) {
                String svc = app.replace("-service", "");
                assertDataEgress(r, app, svc, mine);
            } else {
                assertTrue(mine.stream().flatMap(p -> p.getSpec().getEgress().stream())
                        .anyMatch(rule -> rule.getTo().stream().anyMatch(peer -> peer.getPodSelector() != null
                                && peer.getNamespaceSelector() == null
                                && SERVICES.stream().allMatch(s -> Rendered.selects(peer.getPodSelector(),
                                        Map.of(NAME, s + "-service"))))), "gateway reaches the four services");
            }
        }
    }

    /** A service reaches its own database on 5432 and Kafka on 9092, and no other service's database. */
    private static void assertDataEgress(Rendered r, String app, String svc, List<NetworkPolicy> mine) {
        boolean operators = r.custom("Cluster").findAny().isPresent();
        boolean db = false;
        boolean kafka = false;
        for (var rule : mine.stream().flatMap(p -> p.getSpec().getEgress().stream()).toList()) {
            List<Integer> ports = rule.getPorts().stream().map(NetworkPolicyPort::getPort).map(p -> p.getIntVal())
                    .toList();
            for (NetworkPolicyPeer peer : rule.getTo()) {
                if (operators && peer.getPodSelector() != null && peer.getNamespaceSelector() == null) {
                    for (String other : SERVICES) {
                        boolean reaches = Rendered.selects(peer.getPodSelector(), Map.of("cnpg.io/cluster", other + "-db"));
                        assertTrue(!reaches || other.equals(svc), app + " reaches " + other + "'s database");
                        db |= reaches && other.equals(svc) && ports.equals(List.of(5432));
                    }
                    kafka |= Rendered.selects(peer.getPodSelector(),
                            Map.of("strimzi.io/cluster", "chamyeo-kafka", "strimzi.io/kind", "Kafka"))
                            && ports.equals(List.of(9092));
                } else if (!operators && peer.getIpBlock() != null && !peer.getIpBlock().getCidr().equals("0.0.0.0/0")) {
                    db |= ports.equals(List.of(5432));
                    kafka |= ports.equals(List.of(9092));
                }
            }
        }
        assertTrue(db, r.name + ": " + app + " cannot reach its database");
        assertTrue(kafka, r.name + ": " + app + " cannot reach Kafka");
    }

    @Test
    void devRunsOnePodOfEachAppWithoutAutoscaling() {
        DEV.all(Deployment.class).forEach(d -> assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName()));
        assertEquals(0, DEV.all(HorizontalPodAutoscaler.class).count());
        assertEquals(Set.of(1), DEV.custom("Cluster").map(c -> ((Number) spec(c).get("instances")).intValue())
                .collect(Collectors.toSet()));
    }

    @Test
    void prodRunsEveryAppRedundantlyAndAutoscalesVotingAndGateway() {
        Map<String, HorizontalPodAutoscaler> hpas = PROD.all(HorizontalPodAutoscaler.class)
                .collect(Collectors.toMap(h -> h.getSpec().getScaleTargetRef().getName(), h -> h));
        assertEquals(Set.of("voting-service", "gateway"), hpas.keySet());
        for (Deployment d : PROD.all(Deployment.class).toList()) {
            String app = d.getMetadata().getName();
            HorizontalPodAutoscaler hpa = hpas.get(app);
            if (hpa != null) {
                assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
                assertNull(d.getSpec().getReplicas(), app + ": the HPA owns the replica count");
                assertTrue(hpa.getSpec().getMinReplicas() >= 2, app);
                assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(), app);
            } else {
                assertTrue(d.getSpec().getReplicas() >= 2, app + " runs at least two pods in prod");
            }
            Container c = containers(d).get(0);
            assertEquals(c.getResources().getRequests().get("memory"), c.getResources().getLimits().get("memory"),
                    app + ": JVM memory is requested in full");
            var spread = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
            for (String key : List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")) {
                assertTrue(spread.stream().anyMatch(s -> s.getTopologyKey().equals(key)
                        && Rendered.selects(s.getLabelSelector(), podLabels(d))
                        && s.getLabelSelector().getMatchLabels().equals(Map.of(NAME, app))),
                        app + " spreads its own pods over " + key);
            }
        }
    }

    @Test
    void ingressExposesOnlyTheGatewayOverTls() {
        assertEquals(0, PROD_GATEWAY_API.all(Ingress.class).count(), "the Gateway API variant replaces the Ingress");
        for (Rendered r : List.of(DEV, PROD)) {
            List<Ingress> ingresses = r.all(Ingress.class).toList();
            assertEquals(1, ingresses.size());
            Ingress ingress = ingresses.get(0);
            assertFalse(ingress.getSpec().getTls().isEmpty());
            ingress.getSpec().getRules().forEach(rule -> {
                assertTrue(ingress.getSpec().getTls().get(0).getHosts().contains(rule.getHost()), rule.getHost());
                // Browsers load the front end from the public host, so CORS must admit exactly that origin.
                assertEquals("https://" + rule.getHost(),
                        r.one(ConfigMap.class, "gateway").getData().get("CHAMYEO_CORS_ORIGINS"));
                rule.getHttp().getPaths().forEach(p -> {
                    assertEquals("gateway", p.getBackend().getService().getName());
                    assertEquals("http", p.getBackend().getService().getPort().getName());
                });
                // Metrics (per-second vote counts) and health stay inside the cluster: only the API and its docs.
                assertEquals(List.of("/api", "/q/openapi", "/q/swagger-ui"),
                        rule.getHttp().getPaths().stream().map(p -> p.getPath()).toList());
            });
        }
        assertEquals("chamyeo.dev.example.go.kr", DEV.all(Ingress.class).findFirst().orElseThrow().getSpec()
                .getRules().get(0).getHost());
    }

    @Test
    void kafkaTopicsAreReplicatedThreeTimesWithTwoInSync() {
        assertKafka(PROD, 3, 2);
        assertKafka(DEV, 1, 1);
    }

    private static void assertKafka(Rendered r, int replicas, int minIsr) {
        GenericKubernetesResource kafka = r.custom("Kafka").findFirst().orElseThrow();
        Map<String, Object> config = map(map(spec(kafka).get("kafka")).get("config"));
        assertEquals(replicas, config.get("default.replication.factor"));
        assertEquals(minIsr, config.get("min.insync.replicas"));
        assertEquals(replicas, config.get("offsets.topic.replication.factor"));
        assertEquals(false, config.get("auto.create.topics.enable"));
        int brokers = r.custom("KafkaNodePool").mapToInt(p -> (Integer) spec(p).get("replicas")).sum();
        assertTrue(brokers >= replicas, "enough brokers for replication factor " + replicas);
        List<String> names = new ArrayList<>();
        r.custom("KafkaTopic").forEach(t -> {
            assertEquals(kafka.getMetadata().getName(), t.getMetadata().getLabels().get("strimzi.io/cluster"));
            Map<String, Object> spec = spec(t);
            names.add((String) spec.get("topicName"));
            assertEquals(replicas, spec.get("replicas"), t.getMetadata().getName());
            assertEquals(minIsr, map(spec.get("config")).get("min.insync.replicas"), t.getMetadata().getName());
            assertTrue((Integer) spec.get("partitions") >= 3, t.getMetadata().getName());
        });
        assertEquals(Set.copyOf(names), EventTopics.inCode().keySet(), r.name + ": KafkaTopics vs the topics in the code");
        assertEquals(kafka.getMetadata().getName() + "-kafka-bootstrap:9092",
                r.one(ConfigMap.class, "chamyeo-connections").getData().get("kafka-bootstrap-servers"));
    }

    @Test
    void eachServiceHasItsOwnPostgresClusterAndConnection() {
        for (Rendered r : List.of(DEV, PROD)) {
            Map<String, String> connections = r.one(ConfigMap.class, "chamyeo-connections").getData();
            for (String svc : SERVICES) {
                GenericKubernetesResource cluster = r.custom("Cluster")
                        .filter(c -> c.getMetadata().getName().equals(svc + "-db")).findFirst()
                        .orElseThrow(() -> new AssertionError("no Cluster " + svc + "-db"));
                Map<String, Object> initdb = map(map(spec(cluster).get("bootstrap")).get("initdb"));
                assertEquals("chamyeo_" + svc, initdb.get("database"));
                assertEquals("icu", initdb.get("localeProvider"));
                assertEquals("ko-KR", initdb.get("icuLocale"));
                assertTrue(connections.get(svc + "-jdbc-url").startsWith("jdbc:postgresql://" + svc + "-db-rw:5432/chamyeo_" + svc + "?"),
                        connections.get(svc + "-jdbc-url"));
            }
        }
        PROD.custom("Cluster").forEach(c -> assertEquals(3, spec(c).get("instances")));
        Map<String, String> managed = PROD_MANAGED.one(ConfigMap.class, "chamyeo-connections").getData();
        SERVICES.forEach(svc -> assertTrue(managed.get(svc + "-jdbc-url").matches(
                "jdbc:postgresql://[^/]+:5432/chamyeo_" + svc + "(\\?.*)?"), svc));
        assertEquals(0, PROD_MANAGED.custom("Cluster").count() + PROD_MANAGED.custom("Kafka").count());
    }

    @Test
    void grafanaDashboardShowsVotesLatencyAndOutboxLag() throws IOException {
        ConfigMap cm = PROD.one(ConfigMap.class, "chamyeo-grafana-dashboard");
        assertEquals("1", cm.getMetadata().getLabels().get("grafana_dashboard"));
        JsonNode dashboard = new ObjectMapper().readTree(cm.getData().get("chamyeo-dashboard.json"));
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(p -> p.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        assertTrue(exprs.stream().anyMatch(e -> e.startsWith("sum(rate(http_server_requests_seconds_count{")
                && e.contains("votes") && e.contains("method=\"POST\"")), "votes per second");
        assertTrue(exprs.stream().anyMatch(e -> e.startsWith("histogram_quantile(0.99") && e.contains("votes")), "p99");
        assertTrue(exprs.stream().anyMatch(e -> e.contains("chamyeo_outbox_pending")), "outbox lag");
    }

    static List<Container> containers(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers();
    }

    static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        if (!(o instanceof Map)) {
            fail("expected a map, got " + o);
        }
        return (Map<String, Object>) o;
    }

    static Map<String, Object> spec(GenericKubernetesResource r) {
        return map(r.getAdditionalProperties().get("spec"));
    }

    static Map<String, List<String>> requiredSecrets() {
        Map<String, List<String>> out = new HashMap<>();
        for (JsonNode s : Rendered.readAll(Rendered.K8S.resolve("required-secrets.yaml")).get(0).path("secrets")) {
            List<String> keys = new ArrayList<>();
            s.path("keys").forEach(k -> keys.add(k.asText()));
            out.put(s.path("name").asText(), keys);
        }
        return out;
    }

    static Set<String> requiredSecretsFromStrimzi() {
        Set<String> out = new TreeSet<>();
        for (JsonNode s : Rendered.readAll(Rendered.K8S.resolve("required-secrets.yaml")).get(0).path("secrets")) {
            if (s.has("strimziUser")) {
                out.add(s.path("name").asText());
            }
        }
        return out;
    }

    static Map<String, String> requiredSecretsFromCnpg() {
        Map<String, String> out = new HashMap<>();
        for (JsonNode s : Rendered.readAll(Rendered.K8S.resolve("required-secrets.yaml")).get(0).path("secrets")) {
            if (s.has("cnpgCluster")) {
                out.put(s.path("name").asText(), s.path("cnpgCluster").asText());
            }
        }
        return out;
    }
}
