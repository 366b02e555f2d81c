package kr.chamyeo.platform.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.ByteArrayOutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.utils.Time;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process), started from Kafka's
 * own jars — no Docker, no ZooKeeper. Tests use it through a Quarkus test resource; the local stack runs it
 * as its own process through {@link #main}. A restart on the same log directory keeps every topic and
 * offset, which the fault tests rely on.
 * <p>
 * As in production (issue 23), clients must authenticate (SASL/SCRAM-SHA-512, each service as its own user, see
 * {@link #PRINCIPALS}) and a StandardAuthorizer lets a service write only its own topics: an event on a topic can
 * only come from a service that publishes it, whatever its CloudEvents {@code source} claims. The broker itself
 * (inter-broker and controller traffic, and the tests' probes that play other services) is the super user
 * {@link #ADMIN}, over SASL/PLAIN, whose only user is that one.
 */
public final class KafkaBroker implements AutoCloseable {

    public static final String ADMIN = "admin";
    public static final String SCRAM = "SCRAM-SHA-512";

    /**
     * Who may write what: a service writes the topics named after it ({@code budget.cycles} by budget-service);
     * {@code voting.requests} is written by the services that ask for ballots, never by voting-service, which only
     * consumes it. Every service reads every topic and creates missing ones (tests and the local stack create
     * topics on first use; a created topic is still writable only by its owner), and commits offsets only of its
     * own consumer group (its application name). {@code platform-probe} is the platform's test application.
     */
    public static final List<Principal> PRINCIPALS = List.of(
            new Principal("budget-service", List.of("budget."), List.of("voting.requests"), List.of()),
            new Principal("voting-service", List.of("voting."), List.of(), List.of("voting.requests")),
            new Principal("community-service", List.of("community."), List.of("voting.requests"), List.of()),
            new Principal("governance-service", List.of("governance."), List.of("voting.requests"), List.of()),
            new Principal("platform-probe", List.of("probe."), List.of(), List.of()));

    /** A client of the broker: the topic prefixes and whole topics it writes, and topics it must never write. */
    public record Principal(String name, List<String> writesPrefixes, List<String> writesTopics, List<String> neverWrites) {

        public List<AclBinding> acls() {
            String user = "User:" + name;
            List<AclBinding> acls = new ArrayList<>();
            for (AclOperation op : List.of(AclOperation.READ, AclOperation.DESCRIBE, AclOperation.CREATE)) {
                acls.add(allow(ResourceType.TOPIC, "*", PatternType.LITERAL, user, op));
            }
            writesPrefixes.forEach(prefix -> acls.add(allow(ResourceType.TOPIC, prefix, PatternType.PREFIXED, user, AclOperation.WRITE)));
            writesTopics.forEach(topic -> acls.add(allow(ResourceType.TOPIC, topic, PatternType.LITERAL, user, AclOperation.WRITE)));
            neverWrites.forEach(topic -> acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, topic, PatternType.LITERAL),
                    new AccessControlEntry(user, "*", AclOperation.WRITE, AclPermissionType.DENY))));
            acls.add(allow(ResourceType.GROUP, name, PatternType.LITERAL, user, AclOperation.READ));
            return acls;
        }

        private static AclBinding allow(ResourceType type, String name, PatternType pattern, String user, AclOperation op) {
            return new AclBinding(new ResourcePattern(type, name, pattern), new AccessControlEntry(user, "*", op, AclPermissionType.ALLOW));
        }
    }

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private final boolean deleteOnClose;
    private final String adminPassword;
    private final String servicePassword;
    private KafkaRaftServer server;

    private KafkaBroker(Path logDir, int port, int controllerPort, boolean deleteOnClose) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.deleteOnClose = deleteOnClose;
        this.adminPassword = adminPassword();
        this.servicePassword = servicePassword();
    }

    /** The super user's password: {@code CHAMYEO_KAFKA_ADMIN_PASSWORD}, by default one for local use only. */
    public static String adminPassword() {
        return System.getenv().getOrDefault("CHAMYEO_KAFKA_ADMIN_PASSWORD", "chamyeo-admin");
    }

    /** Every service user's password: {@code CHAMYEO_KAFKA_PASSWORD}, by default the services' own default. */
    public static String servicePassword() {
        return System.getenv().getOrDefault("CHAMYEO_KAFKA_PASSWORD", "chamyeo");
    }

    /** Client settings that authenticate as {@code user} with SCRAM (a service) or as the super user. */
    public static Map<String, Object> clientProperties(String bootstrapServers, String user, String password) {
        boolean admin = ADMIN.equals(user);
        String module = admin ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT",
                SaslConfigs.SASL_MECHANISM, admin ? "PLAIN" : SCRAM,
                SaslConfigs.SASL_JAAS_CONFIG, jaas(module, user, password));
    }

    /** The super user's client settings (tests' probes that play any service, the local stack's checks). */
    public Map<String, Object> adminProperties() {
        return clientProperties(bootstrapServers(), ADMIN, adminPassword);
    }

    private static String jaas(String module, String user, String password) {
        return module + " required username=\"" + user + "\" password=\"" + password + "\";";
    }

    /** A throw-away broker on free ports, deleted on close. */
    public static KafkaBroker ephemeral() {
        try {
            return new KafkaBroker(Files.createTempDirectory("chamyeo-kafka"), freePort(), freePort(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker that keeps its data in {@code logDir} across restarts. */
    public static KafkaBroker persistent(Path logDir, int port, int controllerPort) {
        return new KafkaBroker(logDir, port, controllerPort, false);
    }

    public synchronized KafkaBroker start() {
        try {
            Files.createDirectories(logDir);
            Path config = logDir.resolveSibling(logDir.getFileName() + ".properties");
            Properties props = properties();
            try (var out = Files.newOutputStream(config)) {
                props.store(out, "chamyeo in-process broker");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(config);
            }
            server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            grantPrincipals();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates (or resets) each service's SCRAM user and its ACLs; both live in the cluster's metadata. */
    private void grantPrincipals() {
        try (Admin admin = Admin.create(adminProperties())) {
            List<UserScramCredentialAlteration> users = new ArrayList<>();
            List<AclBinding> acls = new ArrayList<>();
            for (Principal p : PRINCIPALS) {
                users.add(new UserScramCredentialUpsertion(p.name(), new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096),
                        servicePassword));
                acls.addAll(p.acls());
            }
            admin.alterUserScramCredentials(users).all().get();
            admin.createAcls(acls).all().get();
            // Credentials and ACLs reach the broker's metadata image a moment after the controller commits them.
            List<String> names = PRINCIPALS.stream().map(Principal::name).toList();
            while (!admin.describeUserScramCredentials().users().get().containsAll(names)
                    || !admin.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls)) {
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the broker's users and ACLs", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    private Properties properties() {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        props.put("listeners", "CLIENT://localhost:" + port + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "CLIENT://localhost:" + port);
        // No listener without authentication: services use SCRAM, the broker's own traffic PLAIN as the super user.
        props.put("listener.security.protocol.map", "CLIENT:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "CLIENT");
        String plain = jaas("org.apache.kafka.common.security.plain.PlainLoginModule", ADMIN, adminPassword)
                .replace(";", " user_" + ADMIN + "=\"" + adminPassword + "\";");
        props.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        props.put("sasl.mechanism.controller.protocol", "PLAIN");
        props.put("listener.name.client.sasl.enabled.mechanisms", SCRAM + ",PLAIN");
        props.put("listener.name.client.plain.sasl.jaas.config", plain);
        props.put("listener.name.client.scram-sha-512.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        props.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        props.put("listener.name.controller.plain.sasl.jaas.config", plain);
        props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        props.put("super.users", "User:" + ADMIN);
        props.put("allow.everyone.if.no.acl.found", "false");
        props.put("log.dirs", logDir.toAbsolutePath().toString());
        props.put("num.partitions", "1");
        props.put("auto.create.topics.enable", "true");
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("group.initial.rebalance.delay.ms", "0");
        props.put("log.flush.interval.messages", "1");
        return props;
    }

    private void format(Path config) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("Formatting the KRaft log directory failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
        if (deleteOnClose) {
            try (Stream<Path> files = Files.walk(logDir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // temp files; the OS cleans up
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    /** {@code KafkaBroker <logDir> <port> <controllerPort>}: runs until killed (used by {@code deploy/local/stack}). */
    public static void main(String[] args) throws InterruptedException {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/kafka");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int controllerPort = args.length > 2 ? Integer.parseInt(args[2]) : 9093;
        KafkaBroker broker = persistent(dir, port, controllerPort).start();
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close));
        System.out.println("Kafka broker ready on " + broker.bootstrapServers());
        new CountDownLatch(1).await();
    }
}
