package kr.chamyeo.e2e.support;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the stack once per test JVM (the first test class that uses it) and stops it when the whole run ends:
 * the root store closes its resources after the last test class. Every answer a test class gets is checked against
 * the combined OpenAPI document ({@link Contract}); the violations a class met fail it, listed by kind after its tests,
 * and with {@code -De2e.contract=report} they are only listed.
 */
public class StackExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        Contract.use(stack(context));
        Contract.drain();
        // The fault drills' outages are answered by the gateway for services it cannot reach, outside any operation's contract.
        Contract.checking(!context.getTags().contains("faults"));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<Contract.Violation> violations = Contract.drain();
        System.out.printf("[contract] %s: %d answers checked against the combined OpenAPI document so far, %d violations here%n",
                context.getDisplayName(), Contract.checked(), violations.size());
        if (violations.isEmpty()) {
            return;
        }
        // One line per kind (operation, status, rule) with its count and one answer, most frequent first.
        Map<String, List<Contract.Violation>> kinds = violations.stream()
                .collect(Collectors.groupingBy(Contract.Violation::kind, LinkedHashMap::new, Collectors.toList()));
        String list = kinds.values().stream()
                .sorted(Comparator.comparingInt((List<Contract.Violation> v) -> v.size()).reversed())
                .map(v -> String.format("%5d × %s%n        e.g. %s", v.size(), v.get(0).kind(), v.get(0).example()))
                .collect(Collectors.joining("\n"));
        String summary = violations.size() + " answers of " + kinds.size() + " kinds break the combined OpenAPI document:\n" + list;
        if (!"report".equals(System.getProperty("e2e.contract", "fail"))) {
            throw new AssertionError(summary);
        }
        System.out.println("[contract] " + summary);
    }

    static Stack stack(ExtensionContext context) {
        return context.getRoot().getStore(NS).getOrComputeIfAbsent("stack", k -> {
            Stack stack = new Stack();
            stack.start();
            return new Running(stack);
        }, Running.class).stack;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Stack.class || parameter.getParameter().getType() == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Stack stack = stack(context);
        return parameter.getParameter().getType() == Stack.class ? stack : new Api(stack);
    }

    private record Running(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.stop();
        }
    }
}
