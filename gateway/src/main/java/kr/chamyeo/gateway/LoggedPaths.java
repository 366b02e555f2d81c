package kr.chamyeo.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * What the gateway may write about a request path. A receipt or tracker code is the voter's secret: the published
 * bulletin maps it to a ballot, so a logged {@code …/receipts/{code}} would tie the caller on that log line to their
 * choices. Everything after a {@code receipts} or {@code trackers} segment is therefore written as
 * {@value #REDACTED}; and requests that cast or check a vote are the ones whose log line leaves the caller's tag out
 * ({@link CallerGuard}).
 * <p>
 * Segments are compared as a service would route them — ignoring case, matrix parameters and percent-encoding — so
 * an odd spelling of the path cannot carry a code into the log.
 */
final class LoggedPaths {

    static final String REDACTED = "[redacted]";
    private static final String[] SECRET_PARENTS = { "receipts", "trackers" };
    /** Casting (server- or client-encrypted) and a voter finding their ballot on the board. */
    private static final String[] VOTING_ACTS = { "votes", "encrypted-votes", "lookup", "receipts", "trackers" };

    private LoggedPaths() {
    }

    /** The path with every segment after a receipts or trackers segment replaced by {@value #REDACTED}. */
    static String redact(String path) {
        int segment = 0;
        while (segment < path.length()) {
            int end = path.indexOf('/', segment);
            if (end < 0) {
                end = path.length();
            }
            switch (match(path, segment, end, SECRET_PARENTS)) {
                case SEGMENT -> {
                    if (end < path.length()) {
                        return path.substring(0, end + 1) + REDACTED;
                    }
                }
                case SEGMENT_WITH_ENCODED_SLASH -> {
                    return path.substring(0, segment) + REDACTED;
                }
                case NONE -> {
                }
            }
            segment = end + 1;
        }
        return path;
    }

    /** True for a path that casts a vote or checks a receipt or tracker (board lookup). */
    static boolean isVotingAct(String path) {
        int segment = 0;
        while (segment <= path.length()) {
            int end = path.indexOf('/', segment);
            if (end < 0) {
                end = path.length();
            }
            if (match(path, segment, end, VOTING_ACTS) != Match.NONE) {
                return true;
            }
            segment = end + 1;
        }
        return false;
    }

    private enum Match { NONE, SEGMENT, SEGMENT_WITH_ENCODED_SLASH }

    private static Match match(String path, int start, int end, String[] names) {
        String plain = null;
        for (int i = start; i < end; i++) {
            char c = path.charAt(i);
            if (c == '%' || c == ';') {
                plain = plainName(path.substring(start, end));
                break;
            }
        }
        for (String name : names) {
            if (plain == null) {
                // The common case, a plain segment, is compared in place: this runs on every request's log line.
                if (end - start == name.length() && path.regionMatches(true, start, name, 0, name.length())) {
                    return Match.SEGMENT;
                }
            } else if (plain.equalsIgnoreCase(name)) {
                return Match.SEGMENT;
            } else if (plain.regionMatches(true, 0, name + "/", 0, name.length() + 1)) {
                // receipts%2F<code>: one segment here, but a server that decodes slashes would route it as two.
                return Match.SEGMENT_WITH_ENCODED_SLASH;
            }
        }
        return Match.NONE;
    }

    private static String plainName(String segment) {
        int matrix = segment.indexOf(';');
        String name = matrix < 0 ? segment : segment.substring(0, matrix);
        try {
            return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return name;
        }
    }
}
