package kr.chamyeo.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Kafka topics the services' code uses, read from their sources: every topic passed to the platform's
 * {@code Outbox.publish(topic, ...)} (produced) and every topic an {@code EventHandler} returns from
 * {@code topic()} (consumed). A topic written as a constant ({@code ProgrammeService.TOPIC},
 * {@code BallotEvents.REQUESTS}) is resolved to its string; an argument this cannot resolve fails the read
 * rather than being skipped, so a new publish or handler can never go unnoticed.
 */
final class EventTopics {

    static final List<String> SERVICES = List.of("budget-service", "voting-service", "community-service",
            "governance-service");

    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*;");
    private static final Pattern CLASS = Pattern.compile("\\b(?:class|interface|record|enum)\\s+(\\w+)");
    private static final Pattern PUBLISH_CALL = Pattern.compile("\\boutbox\\s*\\.\\s*publish\\s*\\(");
    private static final Pattern PUBLISH = Pattern.compile(
            "\\boutbox\\s*\\.\\s*publish\\s*\\(\\s*(\"[^\"]*\"|[A-Za-z_][\\w.]*)\\s*,");
    private static final Pattern HANDLER = Pattern.compile("\\bimplements\\s+[^{]*\\bEventHandler\\b");
    private static final Pattern TOPIC_METHOD = Pattern.compile(
            "String\\s+topic\\s*\\(\\s*\\)\\s*\\{\\s*return\\s+(\"[^\"]*\"|[A-Za-z_][\\w.]*)\\s*;");

    private EventTopics() {
    }

    /** Topic -> the services that produce ("budget-service produces") or consume it, from the code. */
    static Map<String, List<String>> inCode() {
        Map<String, List<String>> topics = new TreeMap<>();
        for (String service : SERVICES) {
            List<Path> sources = sources(Rendered.K8S.resolve("../../" + service).normalize());
            Map<String, String> constants = new HashMap<>();
            Map<Path, Map<String, String>> local = new HashMap<>();
            for (Path file : sources) {
                String text = read(file);
                Matcher cls = CLASS.matcher(text);
                String owner = cls.find() ? cls.group(1) : file.getFileName().toString().replace(".java", "");
                Map<String, String> mine = new HashMap<>();
                for (Matcher m = CONSTANT.matcher(text); m.find();) {
                    constants.put(owner + "." + m.group(1), m.group(2));
                    mine.put(m.group(1), m.group(2));
                }
                local.put(file, mine);
            }
            int produced = 0;
            for (Path file : sources) {
                String text = read(file);
                long calls = PUBLISH_CALL.matcher(text).results().count();
                List<String> found = new ArrayList<>();
                for (Matcher m = PUBLISH.matcher(text); m.find();) {
                    found.add(resolve(m.group(1), local.get(file), constants, file));
                }
                if (found.size() != calls) {
                    throw new AssertionError(file + ": " + calls + " outbox.publish calls, but only " + found.size()
                            + " name their topic as a literal or a constant this check can read");
                }
                found.forEach(t -> topics.computeIfAbsent(t, k -> new ArrayList<>()).add(service + " produces"));
                produced += found.size();
                if (HANDLER.matcher(text).find()) {
                    Matcher m = TOPIC_METHOD.matcher(text);
                    if (!m.find()) {
                        throw new AssertionError(file + ": an EventHandler whose topic() is not a plain return of a"
                                + " literal or constant");
                    }
                    topics.computeIfAbsent(resolve(m.group(1), local.get(file), constants, file),
                            k -> new ArrayList<>()).add(service + " consumes");
                }
            }
            if (produced == 0) {
                throw new AssertionError(service + ": no outbox.publish found; the sources moved?");
            }
        }
        return topics;
    }

    /** Topics named in the headings of the services' EVENTS.md files (what they document publishing or reading). */
    static TreeSet<String> documented() {
        TreeSet<String> out = new TreeSet<>();
        Pattern topic = Pattern.compile("`((?:budget|voting|community|governance)\\.[a-z-]+)`");
        for (String service : SERVICES) {
            for (String line : read(Rendered.K8S.resolve("../../" + service + "/EVENTS.md").normalize()).split("\n")) {
                if (line.startsWith("#")) {
                    topic.matcher(line).results().forEach(m -> out.add(m.group(1)));
                }
            }
        }
        return out;
    }

    private static String resolve(String expr, Map<String, String> local, Map<String, String> constants, Path file) {
        if (expr.startsWith("\"")) {
            return expr.substring(1, expr.length() - 1);
        }
        String value = expr.contains(".") ? constants.get(expr.substring(expr.lastIndexOf('.', expr.lastIndexOf('.') - 1) + 1))
                : local.get(expr);
        if (value == null) {
            throw new AssertionError(file + ": cannot resolve the topic " + expr);
        }
        return value;
    }

    private static List<Path> sources(Path module) {
        try (Stream<Path> files = Files.walk(module, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/")
                    && !f.toString().contains("/target/")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
