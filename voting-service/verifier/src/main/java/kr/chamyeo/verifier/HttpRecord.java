package kr.chamyeo.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A record served by voting-service: the document at {@code …/ballots/{id}/record} and, for a ballot of several
 * batches, its pages {@code …/record/board?from=&limit=} and {@code …/record/batches/{b}}, each read when the verifier
 * needs it, so that only one page is held at a time.
 */
public final class HttpRecord implements RecordPages {

    /** Board entries per page: the most the service gives. */
    static final int PAGE = 10_000;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String url;

    /** @param url the record's address, e.g. {@code https://<host>/api/v1/voting/ballots/<id>/record} */
    public HttpRecord(String url) {
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The record, or its header when the ballot was counted in several batches. */
    public JsonNode header() throws IOException, InterruptedException {
        return get(url);
    }

    @Override
    public JsonNode board(long from) {
        return unchecked(url + "/board?from=" + from + "&limit=" + PAGE);
    }

    @Override
    public JsonNode batch(int batch) {
        return unchecked(url + "/batches/" + batch);
    }

    private JsonNode unchecked(String address) {
        try {
            return get(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading " + address, e);
        }
    }

    private JsonNode get(String address) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(address)).header("Accept", "application/json").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException(address + ": HTTP " + response.statusCode() + ": " + new String(body.readNBytes(500)));
            }
            return mapper.readTree(body);
        }
    }
}
