package kr.chamyeo.gateway;

import io.vertx.ext.web.RoutingContext;

/**
 * The path a request is classified, measured and forwarded by: Vert.x' normalised path (dot segments resolved, unreserved
 * characters percent-decoded, RFC 3986 §6.2.2) — what the router matched and what the service routes — with matrix
 * parameters and a trailing slash left out for classifying. Classifying the raw path let {@code …/vote%73} or
 * {@code …/votes;x} count as an ordinary write (six times the vote allowance) while the service cast a vote.
 */
final class RoutePath {

    private static final String KEY = "chamyeo.route-path";
    private static final String[] VOTE_SEGMENTS = { "votes", "encrypted-votes" };

    private RoutePath() {
    }

    /** The normalised path without matrix parameters or trailing slashes, computed once per request. */
    static String of(RoutingContext rc) {
        String path = rc.get(KEY);
        if (path == null) {
            path = canonical(rc.normalizedPath());
            rc.put(KEY, path);
        }
        return path;
    }

    static String canonical(String normalized) {
        String path = normalized;
        if (path.indexOf(';') >= 0) {
            StringBuilder plain = new StringBuilder(path.length());
            for (String segment : path.split("/", -1)) {
                int matrix = segment.indexOf(';');
                plain.append(matrix < 0 ? segment : segment.substring(0, matrix)).append('/');
            }
            path = plain.substring(0, plain.length() - 1);
        }
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** True when the last segment casts a vote (server- or client-encrypted), in any letter case. */
    static boolean castsVote(String canonical) {
        String last = canonical.substring(canonical.lastIndexOf('/') + 1);
        for (String vote : VOTE_SEGMENTS) {
            if (last.equalsIgnoreCase(vote)) {
                return true;
            }
        }
        return false;
    }

    /** The URI to forward: the normalised path (what was classified) with the request's query. */
    static String forwardedUri(RoutingContext rc) {
        String raw = rc.request().path();
        String normalized = rc.normalizedPath();
        if (raw.equals(normalized)) {
            return rc.request().uri();
        }
        String query = rc.request().query();
        return query == null ? normalized : normalized + "?" + query;
    }
}
