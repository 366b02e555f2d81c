package kr.chamyeo.platform.problem;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

/**
 * Finds the path or query parameter whose text could not become its Java type. JAX-RS answers such a request 404
 * (a {@code NotFoundException} caused by the conversion), which tells a client "no such resource" when it sent
 * {@code /ballots/not-a-uuid} or {@code ?kind=NOPE}: a malformed value, the same mistake as a wrong type in a body,
 * which {@link ProblemMappers} answers 400 naming the field. This names the parameter and its rule the same way.
 */
final class MalformedParameters {

    private static final Map<Class<?>, Class<?>> BOXES = Map.of(int.class, Integer.class, long.class, Long.class,
            short.class, Short.class, byte.class, Byte.class, double.class, Double.class, float.class, Float.class,
            boolean.class, Boolean.class);

    private MalformedParameters() {
    }

    /** The 400 problem for the first parameter of {@code method} whose value in this request does not convert. */
    static Optional<Problem> find(Method method, UriInfo uri, String instance) {
        for (Parameter parameter : method.getParameters()) {
            PathParam path = parameter.getAnnotation(PathParam.class);
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (path == null && query == null) {
                continue;
            }
            String name = path != null ? path.value() : query.value();
            MultivaluedMap<String, String> values = path != null ? uri.getPathParameters() : uri.getQueryParameters();
            Class<?> type = valueType(parameter);
            for (String value : values.getOrDefault(name, List.of())) {
                if (!converts(type, value)) {
                    String rule = rule(type);
                    return Optional.of(Problem.of(400, "malformed-request", "Malformed request",
                            name + ": " + rule, instance, List.of(new Problem.FieldError(name, rule)), null));
                }
            }
        }
        return Optional.empty();
    }

    /** {@code X} for a parameter of type {@code X}, {@code List<X>} or {@code Set<X>}. */
    private static Class<?> valueType(Parameter parameter) {
        Class<?> type = parameter.getType();
        if (Collection.class.isAssignableFrom(type) && parameter.getParameterizedType() instanceof ParameterizedType generic) {
            Type element = generic.getActualTypeArguments()[0];
            if (element instanceof Class<?> elementClass) {
                return elementClass;
            }
        }
        return BOXES.getOrDefault(type, type);
    }

    /** The conversions JAX-RS makes: {@code fromString}, {@code valueOf}, {@code parse} (java.time) or a constructor. */
    private static boolean converts(Class<?> type, String value) {
        if (type == String.class || type == Boolean.class) {
            return true;
        }
        for (String factory : new String[] {"fromString", "valueOf", "parse"}) {
            try {
                Method method = Temporal.class.isAssignableFrom(type) && factory.equals("parse")
                        ? type.getMethod(factory, CharSequence.class) : type.getMethod(factory, String.class);
                method.invoke(null, value);
                return true;
            } catch (NoSuchMethodException e) {
                // the next factory
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
        try {
            type.getConstructor(String.class).newInstance(value);
            return true;
        } catch (NoSuchMethodException e) {
            return true; // a type this cannot judge: not reported as malformed
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    private static String rule(Class<?> type) {
        if (type.isEnum()) {
            return "must be one of " + Arrays.toString(type.getEnumConstants());
        }
        return switch (type.getSimpleName()) {
            case "UUID" -> "must be a UUID (e.g. 3f2b8c1e-5d4a-4e7b-9c6d-1a2b3c4d5e6f)";
            case "Integer", "Long", "Short", "Byte" -> "must be an integer";
            case "Double", "Float", "BigDecimal" -> "must be a number";
            case "LocalDate" -> "must be a date (yyyy-MM-dd)";
            default -> "must be of type " + type.getSimpleName();
        };
    }
}
