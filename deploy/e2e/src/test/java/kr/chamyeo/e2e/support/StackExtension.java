package kr.chamyeo.e2e.support;

import java.util.List;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the stack once per test JVM (the first test class that uses it) and stops it when the whole run ends:
 * the root store closes its resources after the last test class. Every answer a test class gets is checked against
 * the combined OpenAPI document ({@link Contract}); the violations a class met are listed after its tests, and with
 * {@code -De2e.contract=fail} they fail it.
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
        List<String> violations = Contract.drain();
        System.out.printf("[contract] %s: %d answers checked against the combined OpenAPI document so far, %d violations here%n",
                context.getDisplayName(), Contract.checked(), violations.size());
        if (violations.isEmpty()) {
            return;
        }
        String list = String.join("\n", violations.stream().distinct().limit(60).toList());
        // e2e.contract=fail makes them fail the class; the default only lists them until the violations the first runs
        // found (issue 26: 413/415/406 undeclared, nulls in schemas shared by requests and answers, …) are fixed.
        if ("fail".equals(System.getProperty("e2e.contract", "report"))) {
            throw new AssertionError(violations.size() + " answers break the combined OpenAPI document:\n" + list);
        }
        System.out.println("[contract] " + violations.size() + " answers break the combined OpenAPI document (e2e.contract=fail "
                + "fails on them):\n" + list);
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
