package kr.chamyeo.platform.page;

import java.util.HashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The where clause of a list endpoint's optional filters, for a Panache query: a condition joins it only when its value
 * is given, so an unset query parameter filters nothing and the database, not the service, does the filtering.
 */
public final class Filter {

    private final StringJoiner where = new StringJoiner(" and ");
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code condition}, which names the parameter {@code :name}, when {@code value} is not null. */
    public Filter and(String condition, String name, Object value) {
        return value == null ? this : and(condition, Map.of(name, value));
    }

    /** Adds {@code condition} with the values of the parameters it names, when {@code values} is not null. */
    public Filter and(String condition, Map<String, Object> values) {
        if (values != null) {
            where.add(condition);
            parameters.putAll(values);
        }
        return this;
    }

    /** The conditions given, or {@code 1 = 1} when none is, so that {@code " order by …"} may always follow. */
    public String where() {
        return where.length() == 0 ? "1 = 1" : where.toString();
    }

    public Map<String, Object> parameters() {
        return Map.copyOf(parameters);
    }
}
