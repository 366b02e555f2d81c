package kr.chamyeo.e2e.fuzz;

/** One generated request: what it tries ({@code kind}), where, with which body and token. */
record HostileRequest(String kind, String method, String uri, byte[] body, String contentType, String token) {
}
