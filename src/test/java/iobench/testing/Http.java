package iobench.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small blocking HTTP/1.1 client for tests: every answer comes back with its wall time. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No request of the tests may hang a run: anything slower than this fails. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client;

    public Http() {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build());
    }

    public Http(HttpClient client) {
        this.client = client;
    }

    public HttpClient client() {
        return client;
    }

    /** An answer, its body read as JSON (null when it is not JSON), and how long it took. */
    public record Answer(int status, String body, JsonNode json, Duration elapsed, HttpResponse<String> response) {
        public double seconds() {
            return elapsed.toNanos() / 1e9;
        }
    }

    public Answer get(URI base, String pathAndQuery) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET());
    }

    public Answer post(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** A POST with a JSON body, as {@code curl -H 'Content-Type: application/json' -d BODY} sends it. */
    public Answer post(URI base, String pathAndQuery, String jsonBody) {
        return send(HttpRequest.newBuilder(base.resolve(pathAndQuery)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
    }

    private Answer send(HttpRequest.Builder request) {
        long startNs = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.timeout(REQUEST_TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return answer(response, Duration.ofNanos(System.nanoTime() - startNs));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static Answer answer(HttpResponse<String> response, Duration elapsed) {
        return new Answer(response.statusCode(), response.body(), parse(response.body()), elapsed, response);
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}
