package kr.chamyeo.governance.sortition;

import java.util.Map;

/** One person in the pool: an opaque id, feature values (sex, age band, area …) and an optional household key. */
public record Volunteer(String id, Map<String, String> features, String household) {
}
