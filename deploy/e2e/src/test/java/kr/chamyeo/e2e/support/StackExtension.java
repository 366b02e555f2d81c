package kr.chamyeo.e2e.support;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the stack once per test JVM (the first test class that uses it) and stops it when the whole run ends:
 * the root store closes its resources after the last test class.
 */
public class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
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
