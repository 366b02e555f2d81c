package kr.chamyeo.deploy.k8s;

import static kr.chamyeo.deploy.k8s.ManifestsTest.DEV;
import static kr.chamyeo.deploy.k8s.ManifestsTest.NAME;
import static kr.chamyeo.deploy.k8s.ManifestsTest.PROD;
import static kr.chamyeo.deploy.k8s.ManifestsTest.PROD_GATEWAY_API;
import static kr.chamyeo.deploy.k8s.ManifestsTest.PROD_MANAGED;
import static kr.chamyeo.deploy.k8s.ManifestsTest.SERVICES;
import static kr.chamyeo.deploy.k8s.ManifestsTest.containers;
import static kr.chamyeo.deploy.k8s.ManifestsTest.map;
import static kr.chamyeo.deploy.k8s.ManifestsTest.podLabels;
import static kr.chamyeo.deploy.k8s.ManifestsTest.spec;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.Rule;

/**
 * What an operations team checks before the first apply to a real cluster: namespaces, topics against the
 * code, operator API versions, database TLS, durability of votes, readiness without Kafka, placement,
 * network policies, sizing, backups, monitoring and namespace limits (issue 27). Renders with the real
 * kustomize (see {@link Rendered}).
 */
class OperationsTest {

    private static final long MI = 1024L * 1024;

    // 1. Namespaces.

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.chamyeo.deploy.k8s.ManifestsTest#variants")
    void everyNamespacedObjectOfEveryKustomizationIsInTheChamyeoNamespace(Rendered r) {
        for (HasMetadata o : r.objects) {
            String where = r.origin.get(o) + ": " + o.getKind() + " " + o.getMetadata().getName();
            if (Rendered.CLUSTER_SCOPED.contains(o.getKind())) {
                assertNull(o.getMetadata().getNamespace(), where + " is cluster-scoped");
            } else {
                // Without it, `kubectl apply -k` puts the object in the kubeconfig's current namespace.
                assertEquals("chamyeo", o.getMetadata().getNamespace(), where);
            }
        }
    }

    // 2. Topics.

    @Test
    void theTopicsAreExactlyThoseTheServicesProduceAndConsume() {
        Map<String, List<String>> code = EventTopics.inCode();
        // Guards the reader itself: the topics the issue names must be among those found.
        assertTrue(code.keySet().containsAll(List.of("community.spaces", "voting.requests", "voting.ballots")), code.toString());
        code.forEach((topic, uses) -> assertTrue(uses.stream().anyMatch(u -> u.endsWith(" produces")),
                topic + " is consumed (" + uses + ") but nothing produces it"));
        for (Rendered r : List.of(DEV, PROD)) {
            Set<String> declared = r.custom("KafkaTopic").map(t -> (String) spec(t).get("topicName"))
                    .collect(Collectors.toCollection(TreeSet::new));
            // With auto.create.topics.enable=false a missing topic blocks the outbox for good; an extra one is noise.
            assertEquals(new TreeSet<>(code.keySet()), declared, r.name + ": KafkaTopics vs the code " + code);
        }
        assertEquals(new TreeSet<>(code.keySet()), EventTopics.documented(), "topics in the services' EVENTS.md headings");
        // The README's table is what someone running managed Kafka creates topics from.
        Map<String, List<String>> table = readmeTopics();
        assertEquals(new TreeSet<>(code.keySet()), new TreeSet<>(table.keySet()), "the README's topic table");
        table.forEach((topic, row) -> {
            assertEquals(String.join(", ", users(code.get(topic), " produces")), row.get(0), topic + " written by");
            TreeSet<String> readers = users(code.get(topic), " consumes");
            assertEquals(readers.isEmpty() ? "none yet" : String.join(", ", readers), row.get(1).replaceFirst(" \\(.*", ""),
                    topic + " read by");
        });
    }

    private static TreeSet<String> users(List<String> uses, String verb) {
        return uses.stream().filter(u -> u.endsWith(verb)).map(u -> u.substring(0, u.length() - verb.length()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Topic -> [written by, read by] from the README's topic table. */
    private static Map<String, List<String>> readmeTopics() {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        Matcher m = Pattern.compile("(?m)^\\| `([a-z]+\\.[a-z-]+)` \\|[^|]*\\|[^|]*\\| ([^|]+) \\| ([^|]+) \\|$").matcher(readme());
        while (m.find()) {
            out.put(m.group(1), List.of(m.group(2).trim(), m.group(3).trim()));
        }
        return out;
    }

    @Test
    void lowVolumeTopicsKeepEventsLongEnoughToReplayABudgetYear() {
        long days = 24L * 3600 * 1000;
        PROD.custom("KafkaTopic").forEach(t -> {
            long retention = ((Number) map(spec(t).get("config")).get("retention.ms")).longValue();
            assertTrue(retention > 14 * days, t.getMetadata().getName() + " keeps events only " + retention / days + " days");
            if (!spec(t).get("topicName").equals("voting.ballots")) {
                assertTrue(retention >= 365 * days, t.getMetadata().getName());
            }
        });
    }

    // 3. Strimzi.

    @Test
    void strimziResourcesUseTheV1ApiWithoutObsoleteAnnotations() throws IOException {
        for (Rendered r : List.of(DEV, PROD)) {
            List<GenericKubernetesResource> strimzi = r.all(GenericKubernetesResource.class)
                    .filter(o -> o.getApiVersion().startsWith("kafka.strimzi.io/")).toList();
            assertFalse(strimzi.isEmpty());
            for (GenericKubernetesResource o : strimzi) {
                // Strimzi 1.0 serves nothing else; 0.49 is the first to serve it.
                assertEquals("kafka.strimzi.io/v1", o.getApiVersion(), o.getKind() + " " + o.getMetadata().getName());
                Map<String, String> annotations = o.getMetadata().getAnnotations() == null ? Map.of()
                        : o.getMetadata().getAnnotations();
                // Ignored since 0.48 (KRaft and node pools are the only mode).
                assertFalse(annotations.containsKey("strimzi.io/kraft"), o.getMetadata().getName());
                assertFalse(annotations.containsKey("strimzi.io/node-pools"), o.getMetadata().getName());
            }
        }
        // The broker version is the one the services' clients are tested against.
        Matcher tested = Pattern.compile("<kafka.version>([^<]+)</kafka.version>").matcher(
                Files.readString(Rendered.K8S.resolve("../../platform/kafka-broker/pom.xml").normalize()));
        assertTrue(tested.find());
        GenericKubernetesResource kafka = PROD.custom("Kafka").findFirst().orElseThrow();
        assertEquals(tested.group(1), map(spec(kafka).get("kafka")).get("version"));
        assertTrue(readme().contains("Strimzi** 0.49 to 1.0"), "README names the tested Strimzi range");
    }

    // 4. Database TLS, registry credentials.

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.chamyeo.deploy.k8s.ManifestsTest#variants")
    void databaseConnectionsVerifyTheServerAgainstAMountedCa(Rendered r) {
        Map<String, String> connections = r.one(ConfigMap.class, "chamyeo-connections").getData();
        for (String svc : SERVICES) {
            String url = connections.get(svc + "-jdbc-url");
            assertTrue(url.contains("sslmode=verify-full"), url);
            Matcher root = Pattern.compile("[?&]sslrootcert=([^&]+)").matcher(url);
            // pgjdbc's default, ~/.postgresql/root.crt, does not exist in the image.
            assertTrue(root.find(), url + " names no sslrootcert");
            String file = root.group(1);
            Deployment d = r.one(Deployment.class, svc + "-service");
            String dir = file.substring(0, file.lastIndexOf('/'));
            var mount = containers(d).get(0).getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir))
                    .findFirst().orElseThrow(() -> new AssertionError(svc + "-service mounts nothing at " + dir));
            var volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            assertEquals(svc + "-db-ca", volume.getSecret().getSecretName(), svc);
            assertTrue(volume.getSecret().getItems().stream().anyMatch(i -> i.getKey().equals("ca.crt")
                    && file.endsWith("/" + i.getPath())), svc + ": " + file + " is the Secret's ca.crt");
        }
    }

    // 5. Votes survive a failover.

    @Test
    void theVotingDatabaseCommitsOnlyWhatAStandbyAlsoHolds() {
        GenericKubernetesResource db = cluster(PROD, "voting-db");
        Map<String, Object> sync = map(map(spec(db).get("postgresql")).get("synchronous"));
        int instances = (Integer) spec(db).get("instances");
        int number = (Integer) sync.get("number");
        assertTrue(number >= 1 && number < instances, "synchronous standbys " + number + " of " + instances);
        assertTrue(Set.of("any", "first").contains(sync.get("method")));
        assertEquals("required", sync.get("dataDurability"), "writes wait rather than commit on the primary alone");
        assertEquals(true, sync.get("failoverQuorum"), "promote only a standby that holds every acknowledged commit");
        // One instance has no standby to wait for: every write would hang.
        assertNull(map(spec(cluster(DEV, "voting-db")).get("postgresql")).get("synchronous"));
        assertTrue(readme().contains("## Voting database: synchronous replication"), "README says what it costs");
    }

    // 6. Readiness without Kafka.

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.chamyeo.deploy.k8s.ManifestsTest#variants")
    void kafkaIsNotPartOfAnyProbe(Rendered r) throws IOException {
        Properties platform = properties("../../platform/core/src/main/resources/META-INF/microprofile-config.properties");
        boolean builtIn = !"false".equals(platform.getProperty("quarkus.kafka.health.enabled", "true"));
        for (String svc : SERVICES) {
            Deployment d = r.one(Deployment.class, svc + "-service");
            Properties app = properties("../../" + svc + "-service/src/main/resources/application.properties");
            boolean check = builtIn && !"false".equals(app.getProperty("quarkus.kafka.health.enabled"));
            if (check) {
                // The check is compiled in; it must be switched off at run time through a mounted properties file.
                String key = "quarkus.smallrye-health.check.\"io.quarkus.kafka.client.health.KafkaHealthCheck\".enabled";
                Properties mounted = mountedConfig(r, d);
                assertEquals("false", mounted.getProperty(key), svc + "-service: Kafka still decides readiness");
            }
            Container c = containers(d).get(0);
            for (var probe : List.of(c.getStartupProbe(), c.getReadinessProbe(), c.getLivenessProbe())) {
                assertTrue(probe.getHttpGet().getPath().startsWith("/q/health/"), svc);
            }
        }
        assertFalse(readme().contains("Readiness includes Kafka"), "README still says readiness includes Kafka");
    }

    /** The properties files a service container reads through QUARKUS_CONFIG_LOCATIONS from a mounted ConfigMap. */
    private static Properties mountedConfig(Rendered r, Deployment d) throws IOException {
        Container c = containers(d).get(0);
        String locations = null;
        for (var from : c.getEnvFrom()) {
            locations = r.one(ConfigMap.class, from.getConfigMapRef().getName()).getData().getOrDefault(
                    "QUARKUS_CONFIG_LOCATIONS", locations);
        }
        assertNotNull(locations, d.getMetadata().getName() + " sets no QUARKUS_CONFIG_LOCATIONS");
        Properties out = new Properties();
        for (String file : locations.split(",")) {
            String dir = file.substring(0, file.lastIndexOf('/'));
            var mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(dir)).findFirst()
                    .orElseThrow(() -> new AssertionError(d.getMetadata().getName() + " mounts nothing at " + dir));
            var volume = d.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(mount.getName())).findFirst().orElseThrow();
            String content = r.one(ConfigMap.class, volume.getConfigMap().getName()).getData()
                    .get(file.substring(file.lastIndexOf('/') + 1));
            assertNotNull(content, file + " is not in ConfigMap " + volume.getConfigMap().getName());
            out.load(new StringReader(content));
        }
        return out;
    }

    // 7. Kafka placement.

    @Test
    void kafkaNodesNeverShareAHostAndKnowTheirZone() {
        GenericKubernetesResource kafka = PROD.custom("Kafka").findFirst().orElseThrow();
        assertEquals("topology.kubernetes.io/zone", map(map(map(spec(kafka).get("kafka")).get("rack"))).get("topologyKey"));
        for (GenericKubernetesResource pool : PROD.custom("KafkaNodePool").toList()) {
            Map<String, String> podLabels = Map.of("strimzi.io/cluster", kafka.getMetadata().getName(),
                    "strimzi.io/pool-name", pool.getMetadata().getName());
            Map<String, Object> anti = map(map(map(map(spec(pool).get("template")).get("pod")).get("affinity"))
                    .get("podAntiAffinity"));
            List<?> required = (List<?>) anti.get("requiredDuringSchedulingIgnoredDuringExecution");
            assertTrue(required.stream().map(ManifestsTest::map).anyMatch(term -> "kubernetes.io/hostname"
                    .equals(term.get("topologyKey")) && Rendered.selects(selector(term.get("labelSelector")), podLabels)),
                    pool.getMetadata().getName() + ": two KRaft controllers on one host lose the quorum with it");
        }
    }

    // 8. Database network policies (the apps' policies are in ManifestsTest).

    @Test
    void postgresPodsAcceptOnlyTheirServiceTheirPeersTheOperatorAndPrometheus() {
        for (Rendered r : List.of(DEV, PROD)) {
            for (String svc : SERVICES) {
                Map<String, String> pod = Map.of("cnpg.io/cluster", svc + "-db");
                List<NetworkPolicy> mine = r.all(NetworkPolicy.class)
                        .filter(p -> Rendered.selects(p.getSpec().getPodSelector(), pod)
                                && p.getSpec().getPolicyTypes().contains("Ingress")).toList();
                assertFalse(mine.isEmpty(), svc + "-db has no ingress policy");
                boolean ownService = false;
                for (var rule : mine.stream().flatMap(p -> p.getSpec().getIngress().stream()).toList()) {
                    List<Integer> ports = rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList();
                    assertFalse(rule.getFrom().isEmpty() || ports.isEmpty(), svc + "-db: a rule open to all");
                    for (NetworkPolicyPeer peer : rule.getFrom()) {
                        assertNull(peer.getIpBlock(), svc + "-db");
                        if (peer.getNamespaceSelector() == null) {
                            for (String other : SERVICES) {
                                assertFalse(!other.equals(svc) && Rendered.selects(peer.getPodSelector(),
                                        Map.of(NAME, other + "-service")), other + "-service reaches " + svc + "-db");
                            }
                            ownService |= Rendered.selects(peer.getPodSelector(), Map.of(NAME, svc + "-service"))
                                    && ports.equals(List.of(5432));
                        } else {
                            String ns = peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                            assertTrue(Set.of("cnpg-system", "monitoring").contains(ns), svc + "-db admits namespace " + ns);
                        }
                    }
                }
                assertTrue(ownService, svc + "-service cannot reach " + svc + "-db");
            }
        }
    }

    // 9. Sizing.

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.chamyeo.deploy.k8s.ManifestsTest#variants")
    void everyJvmKeepsAtLeast256MiBOutsideItsHeap(Rendered r) {
        for (Deployment d : r.all(Deployment.class).toList()) {
            String app = d.getMetadata().getName();
            long limit = bytes(containers(d).get(0).getResources().getLimits().get("memory"));
            int ratio = Integer.parseInt(r.one(ConfigMap.class, app).getData().get("JAVA_MAX_MEM_RATIO"));
            // Metaspace, code cache, thread stacks and Netty's direct buffers live outside the heap; short of room
            // the kernel kills the container before the JVM sees an OutOfMemoryError.
            assertTrue(limit - limit * ratio / 100 >= 256 * MI, r.name + ": " + app + " leaves "
                    + (limit - limit * ratio / 100) / MI + " MiB outside a " + ratio + " % heap");
        }
    }

    @Test
    void postgresMemoryHoldsSharedBuffersAndEveryConnection() {
        for (Rendered r : List.of(DEV, PROD)) {
            for (GenericKubernetesResource db : r.custom("Cluster").toList()) {
                Map<String, Object> pg = map(map(spec(db).get("postgresql")).get("parameters"));
                long connections = Long.parseLong((String) pg.get("max_connections"));
                long needed = pgBytes((String) pg.get("shared_buffers")) + connections * (pgBytes((String) pg.get("work_mem")) + 6 * MI);
                long limit = bytes(quantity(map(map(spec(db).get("resources")).get("limits")).get("memory")));
                assertTrue(needed <= limit, r.name + ": " + db.getMetadata().getName() + " may need " + needed / MI
                        + " MiB in a " + limit / MI + " MiB limit");
            }
        }
    }

    @Test
    void connectionPoolsAtFullScaleFitTheirDatabase() throws IOException {
        Properties platform = properties("../../platform/core/src/main/resources/META-INF/microprofile-config.properties");
        for (Rendered r : List.of(DEV, PROD)) {
            for (String svc : SERVICES) {
                Deployment d = r.one(Deployment.class, svc + "-service");
                String configured = r.one(ConfigMap.class, svc + "-service").getData().get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
                if (configured == null) {
                    configured = properties("../../" + svc + "-service/src/main/resources/application.properties")
                            .getProperty("quarkus.datasource.jdbc.max-size", platform.getProperty("quarkus.datasource.jdbc.max-size"));
                }
                int pods = maxPods(r, d);
                int max = Integer.parseInt((String) map(map(spec(cluster(r, svc + "-db")).get("postgresql")).get("parameters"))
                        .get("max_connections"));
                // Room beyond the pools: superuser_reserved_connections (3), replication and the metrics exporter.
                assertTrue(pods * Integer.parseInt(configured) + 10 <= max, r.name + ": " + pods + " " + svc + "-service pods x "
                        + configured + " connections against max_connections " + max);
            }
        }
    }

    // 10. Backups.

    @Test
    void everyDatabaseArchivesItsWalAndIsBackedUpNightly() {
        Set<String> stores = PROD.custom("ObjectStore").map(s -> s.getMetadata().getName()).collect(Collectors.toSet());
        assertFalse(stores.isEmpty());
        PROD.custom("ObjectStore").forEach(s -> assertNotNull(spec(s).get("retentionPolicy"), s.getMetadata().getName()));
        for (String svc : SERVICES) {
            GenericKubernetesResource db = cluster(PROD, svc + "-db");
            // The in-tree object store support is deprecated since CloudNativePG 1.26.
            assertNull(spec(db).get("backup"), svc + "-db uses spec.backup");
            List<?> plugins = (List<?>) spec(db).get("plugins");
            assertNotNull(plugins, svc + "-db archives nothing");
            Map<String, Object> barman = plugins.stream().map(ManifestsTest::map)
                    .filter(p -> "barman-cloud.cloudnative-pg.io".equals(p.get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(svc + "-db has no Barman Cloud plugin"));
            assertEquals(true, barman.get("isWALArchiver"), svc);
            assertTrue(stores.contains(map(barman.get("parameters")).get("barmanObjectName")), svc);
            List<GenericKubernetesResource> schedules = PROD.custom("ScheduledBackup")
                    .filter(b -> map(spec(b).get("cluster")).get("name").equals(svc + "-db")).toList();
            assertEquals(1, schedules.size(), svc + "-db needs one ScheduledBackup");
            Map<String, Object> schedule = spec(schedules.get(0));
            assertEquals("plugin", schedule.get("method"));
            assertEquals("barman-cloud.cloudnative-pg.io", map(schedule.get("pluginConfiguration")).get("name"));
            assertEquals(true, schedule.get("immediate"), "a first base backup right away");
            assertEquals(6, ((String) schedule.get("schedule")).split(" ").length, "CloudNativePG's cron has seconds");
        }
    }

    @Test
    void theReadmeRestoresTheVotingDatabaseFromTheBackupStore() {
        String readme = readme();
        int section = readme.indexOf("## Backup and restore");
        assertTrue(section >= 0, "README has no backup and restore section");
        Matcher yaml = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(section));
        GenericKubernetesResource restore = null;
        while (yaml.find() && restore == null) {
            for (var node : Rendered.readAll(yaml.group(1))) {
                if ("Cluster".equals(node.path("kind").asText()) && node.path("spec").path("bootstrap").has("recovery")) {
                    restore = new com.fasterxml.jackson.databind.ObjectMapper().convertValue(node, GenericKubernetesResource.class);
                }
            }
        }
        assertNotNull(restore, "README shows no Cluster bootstrapped by recovery");
        assertEquals("voting-db", restore.getMetadata().getName(), "the rehearsed restore is voting-db's");
        Map<String, Object> recovery = map(map(spec(restore).get("bootstrap")).get("recovery"));
        Map<String, Object> source = ((List<?>) spec(restore).get("externalClusters")).stream().map(ManifestsTest::map)
                .filter(c -> c.get("name").equals(recovery.get("source"))).findFirst().orElseThrow();
        Map<String, Object> params = map(map(source.get("plugin")).get("parameters"));
        assertEquals("voting-db", params.get("serverName"), "restores what voting-db archived");
        assertTrue(PROD.custom("ObjectStore").anyMatch(s -> s.getMetadata().getName().equals(params.get("barmanObjectName"))));
        // The restored cluster archives to a new folder: the old one still holds the history being restored.
        Map<String, Object> archive = ((List<?>) spec(restore).get("plugins")).stream().map(ManifestsTest::map)
                .findFirst().orElseThrow();
        assertFalse("voting-db".equals(map(archive.get("parameters")).get("serverName")));
        assertNotNull(recovery.get("recoveryTarget"), "point-in-time: a target time");
        // Same initdb-derived settings as the live cluster, so the apps connect unchanged.
        GenericKubernetesResource live = cluster(PROD, "voting-db");
        assertEquals(spec(live).get("postgresql"), spec(restore).get("postgresql"));
        assertEquals(spec(live).get("imageName"), spec(restore).get("imageName"));
    }

    // 11. Metrics and alerts.

    @ParameterizedTest(name = "{0}")
    @MethodSource("kr.chamyeo.deploy.k8s.ManifestsTest#variants")
    void everyAppIsScrapedOnItsMetricsPort(Rendered r) {
        for (Deployment d : r.all(Deployment.class).toList()) {
            List<PodMonitor> monitors = r.all(PodMonitor.class)
                    .filter(m -> Rendered.selects(m.getSpec().getSelector(), podLabels(d))).toList();
            assertEquals(1, monitors.size(), d.getMetadata().getName() + " is scraped by exactly one PodMonitor");
            var endpoint = monitors.get(0).getSpec().getPodMetricsEndpoints().get(0);
            assertEquals("/q/metrics", endpoint.getPath());
            assertTrue(containers(d).get(0).getPorts().stream().anyMatch(p -> p.getName().equals(endpoint.getPort())));
            // The dashboard and the alerts select apps by job.
            assertEquals(NAME, monitors.get(0).getSpec().getJobLabel());
        }
    }

    @Test
    void postgresAndKafkaExposeMetricsThatAreScraped() {
        for (String svc : SERVICES) {
            assertTrue(PROD.all(PodMonitor.class).anyMatch(m -> Rendered.selects(m.getSpec().getSelector(),
                    Map.of("cnpg.io/cluster", svc + "-db")) && m.getSpec().getPodMetricsEndpoints().get(0).getPort().equals("metrics")),
                    svc + "-db is not scraped");
        }
        GenericKubernetesResource kafka = PROD.custom("Kafka").findFirst().orElseThrow();
        assertNotNull(map(spec(kafka).get("kafka")).get("metricsConfig"), "broker metrics");
        assertNotNull(spec(kafka).get("kafkaExporter"), "consumer lag comes from the Kafka Exporter");
        assertTrue(PROD.all(PodMonitor.class).anyMatch(m -> Rendered.selects(m.getSpec().getSelector(),
                Map.of("strimzi.io/cluster", "chamyeo-kafka", "strimzi.io/kind", "Kafka"))
                && m.getSpec().getPodMetricsEndpoints().get(0).getPort().equals("tcp-prometheus")), "Kafka is not scraped");
    }

    @Test
    void alertsCoverBacklogLagReplicationLatencyErrorsAndBackups() {
        Map<String, String> alerts = alerts(PROD);
        Map<String, String> wanted = Map.of(
                "outbox backlog", "chamyeo_outbox_pending",
                "consumer lag", "kafka_consumergroup_lag",
                "replication lag", "cnpg_pg_replication_lag",
                "vote p99", "histogram_quantile(0.99",
                "error rate", "status=~\"5..\"",
                "backups", "barman_cloud_cloudnative_pg_io_last_available_backup_timestamp");
        wanted.forEach((what, metric) -> assertTrue(alerts.values().stream().anyMatch(e -> e.contains(metric)),
                "no alert on " + what));
        // histogram_quantile needs buckets: the platform publishes them for every service's HTTP latency.
        String histograms = read("../../platform/core/src/main/java/kr/chamyeo/platform/metrics/LatencyHistograms.java");
        assertTrue(histograms.contains("\"http.server.requests\"") && histograms.contains("percentilesHistogram(true)"),
                "the p99 alert and panels need percentile histograms on http.server.requests");
        // With managed services the apps' alerts remain; the provider watches its own.
        assertTrue(alerts(PROD_MANAGED).values().stream().anyMatch(e -> e.contains("chamyeo_outbox_pending")));
        String readme = readme();
        int section = readme.indexOf("## Alerts");
        assertTrue(section >= 0, "README has no Alerts section");
        for (String alert : alerts.keySet()) {
            assertTrue(readme.indexOf("`" + alert + "`", section) > 0, "README does not explain " + alert);
        }
        PROD.all(PrometheusRule.class).flatMap(p -> p.getSpec().getGroups().stream()).flatMap(g -> g.getRules().stream())
                .forEach(rule -> {
                    assertTrue(Set.of("warning", "critical").contains(rule.getLabels().get("severity")), rule.getAlert());
                    assertEquals("deploy/k8s/README.md#alerts", rule.getAnnotations().get("runbook"), rule.getAlert());
                });
    }

    private static Map<String, String> alerts(Rendered r) {
        return r.all(PrometheusRule.class).flatMap(p -> p.getSpec().getGroups().stream())
                .flatMap(g -> g.getRules().stream())
                .collect(Collectors.toMap(Rule::getAlert, rule -> rule.getExpr().getStrVal()));
    }

    // 12. Namespace hygiene.

    @Test
    void theNamespaceEnforcesTheRestrictedPodSecurityStandard() {
        for (Rendered r : List.of(DEV, PROD, PROD_MANAGED)) {
            Namespace ns = r.all(Namespace.class).filter(n -> n.getMetadata().getName().equals("chamyeo")).findFirst()
                    .orElseThrow(() -> new AssertionError(r.name + " creates no namespace"));
            assertEquals("restricted", ns.getMetadata().getLabels().get("pod-security.kubernetes.io/enforce"));
            assertNotNull(r.all(LimitRange.class).findFirst().orElseThrow().getSpec().getLimits().get(0).getDefaultRequest());
        }
    }

    @Test
    void votingPodsAndTheirDatabaseHaveTheVotingPriority() {
        PriorityClass voting = PROD.all(PriorityClass.class).filter(p -> p.getMetadata().getName().equals("chamyeo-voting"))
                .findFirst().orElseThrow();
        assertTrue(voting.getValue() > 0);
        assertFalse(Boolean.TRUE.equals(voting.getGlobalDefault()));
        assertEquals("chamyeo-voting", PROD.one(Deployment.class, "voting-service").getSpec().getTemplate().getSpec()
                .getPriorityClassName());
        assertEquals("chamyeo-voting", spec(cluster(PROD, "voting-db")).get("priorityClassName"));
    }

    /** The quota must not stop production at full scale: it is checked against what the manifests ask for. */
    @Test
    void theResourceQuotaHoldsProductionAtFullScale() {
        BigDecimal cpu = BigDecimal.ZERO;
        long memory = 0;
        long limits = 0;
        int pods = 0;
        long storage = 0;
        int claims = 0;
        for (Deployment d : PROD.all(Deployment.class).toList()) {
            int n = maxPods(PROD, d);
            var res = containers(d).get(0).getResources();
            cpu = cpu.add(res.getRequests().get("cpu").getNumericalAmount().multiply(BigDecimal.valueOf(n)));
            memory += n * bytes(res.getRequests().get("memory"));
            limits += n * bytes(res.getLimits().get("memory"));
            pods += n;
        }
        List<Object[]> operands = new ArrayList<>();
        GenericKubernetesResource kafka = PROD.custom("Kafka").findFirst().orElseThrow();
        operands.add(new Object[] {1, map(map(spec(kafka).get("entityOperator")).get("topicOperator")).get("resources")});
        operands.add(new Object[] {1, map(map(spec(kafka).get("entityOperator")).get("userOperator")).get("resources")});
        operands.add(new Object[] {1, map(spec(kafka).get("kafkaExporter")).get("resources")});
        for (GenericKubernetesResource pool : PROD.custom("KafkaNodePool").toList()) {
            int n = (Integer) spec(pool).get("replicas");
            operands.add(new Object[] {n, spec(pool).get("resources")});
            for (Object volume : (List<?>) map(spec(pool).get("storage")).get("volumes")) {
                storage += n * bytes(quantity(map(volume).get("size")));
                claims += n;
            }
        }
        Map<String, Object> sidecar = map(map(spec(PROD.custom("ObjectStore").findFirst().orElseThrow())
                .get("instanceSidecarConfiguration")).get("resources"));
        for (GenericKubernetesResource db : PROD.custom("Cluster").toList()) {
            int n = (Integer) spec(db).get("instances");
            operands.add(new Object[] {n, spec(db).get("resources")});
            operands.add(new Object[] {n, sidecar});
            storage += n * bytes(quantity(map(spec(db).get("storage")).get("size")));
            claims += n;
            pods += 1; // CloudNativePG's join job while an instance is added
        }
        for (Object[] o : operands) {
            int n = (Integer) o[0];
            Map<String, Object> res = map(o[1]);
            Map<String, Object> requests = map(res.get("requests"));
            cpu = cpu.add(quantity(requests.get("cpu")).getNumericalAmount().multiply(BigDecimal.valueOf(n)));
            memory += n * bytes(quantity(requests.get("memory")));
            limits += n * bytes(quantity(map(res.get("limits")).get("memory")));
        }
        pods += PROD.custom("KafkaNodePool").mapToInt(p -> (Integer) spec(p).get("replicas")).sum() + 2;
        Map<String, Quantity> hard = PROD.all(ResourceQuota.class).findFirst().orElseThrow().getSpec().getHard();
        BigDecimal spare = new BigDecimal("1.1");
        assertTrue(hard.get("requests.cpu").getNumericalAmount().compareTo(cpu.multiply(spare)) >= 0, "requests.cpu for " + cpu);
        assertTrue(bytes(hard.get("requests.memory")) >= memory * 11 / 10, "requests.memory for " + memory / MI + " MiB");
        assertTrue(bytes(hard.get("limits.memory")) >= limits * 11 / 10, "limits.memory for " + limits / MI + " MiB");
        assertTrue(Integer.parseInt(hard.get("pods").getAmount()) >= pods * 11 / 10, "pods for " + pods);
        assertTrue(bytes(hard.get("requests.storage")) >= storage, "requests.storage for " + storage / MI + " MiB");
        assertTrue(Integer.parseInt(hard.get("persistentvolumeclaims").getAmount()) >= claims, "claims for " + claims);
        // Containers the operators start without resources get the LimitRange's defaults, which the quota needs.
        assertFalse(hard.containsKey("limits.cpu"), "a CPU limit would throttle Kafka and PostgreSQL, which set none");
    }

    @Test
    void theGatewayApiVariantRoutesThePublicHostToTheGatewayApp() {
        List<HTTPRoute> routes = PROD_GATEWAY_API.all(HTTPRoute.class).toList();
        assertEquals(1, routes.size());
        HTTPRoute route = routes.get(0);
        String host = PROD.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).findFirst().orElseThrow()
                .getSpec().getRules().get(0).getHost();
        assertEquals(List.of(host), route.getSpec().getHostnames(), "the same public host as the Ingress");
        assertEquals(List.of("/api", "/q/openapi", "/q/swagger-ui"), route.getSpec().getRules().get(0).getMatches().stream()
                .map(m -> m.getPath().getValue()).toList(), "metrics and health stay inside the cluster");
        var backend = route.getSpec().getRules().get(0).getBackendRefs().get(0);
        assertEquals("gateway", backend.getName());
        int port = PROD.one(io.fabric8.kubernetes.api.model.Service.class, "gateway").getSpec().getPorts().get(0).getPort();
        assertEquals(port, backend.getPort());
        String gatewayNs = route.getSpec().getParentRefs().get(0).getNamespace();
        // The Gateway's proxies, not ingress-nginx, may now reach the gateway app.
        NetworkPolicy policy = PROD_GATEWAY_API.one(NetworkPolicy.class, "gateway-ingress");
        List<String> from = policy.getSpec().getIngress().stream().flatMap(i -> i.getFrom().stream())
                .map(p -> p.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name")).toList();
        assertTrue(from.contains(gatewayNs), from.toString());
        assertFalse(from.contains("ingress-nginx"), from.toString());
    }

    // Helpers.

    static int maxPods(Rendered r, Deployment d) {
        int surge = d.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
        return r.all(HorizontalPodAutoscaler.class)
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(d.getMetadata().getName()))
                .map(h -> h.getSpec().getMaxReplicas()).findFirst().orElse(d.getSpec().getReplicas()) + surge;
    }

    static GenericKubernetesResource cluster(Rendered r, String name) {
        return r.custom("Cluster").filter(c -> c.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(r.name + ": no Cluster " + name));
    }

    /** A resource amount as YAML gives it: "500m", "2Gi", or a bare number such as 1. */
    static Quantity quantity(Object yaml) {
        return new Quantity(String.valueOf(yaml));
    }

    static long bytes(Quantity q) {
        return q.getNumericalAmount().longValueExact();
    }

    /** PostgreSQL memory settings: kB, MB, GB (powers of 1024). */
    static long pgBytes(String value) {
        Matcher m = Pattern.compile("(\\d+)(kB|MB|GB)").matcher(value);
        assertTrue(m.matches(), value);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "kB" -> n * 1024;
            case "MB" -> n * MI;
            default -> n * 1024 * MI;
        };
    }

    static LabelSelector selector(Object o) {
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(o, LabelSelector.class);
    }

    static Properties properties(String path) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(Rendered.K8S.resolve(path).normalize())));
        return p;
    }

    static String read(String path) {
        try {
            return Files.readString(Rendered.K8S.resolve(path).normalize());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String readme() {
        try {
            return Files.readString(Rendered.K8S.resolve("README.md"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
