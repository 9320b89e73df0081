package iobench.sim;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends N concurrent GETs to one URL over N HTTP/1.1 connections and prints one summary line.
 * It runs in a JVM of its own, so that its N sockets and the sim's N sockets each have a whole
 * {@code ulimit -n} to themselves. JDK classes only: the test gives it just its own class.
 *
 * <p>{@code java -cp test-classes iobench.sim.WaitingClient URL N TIMEOUT_SECONDS} prints
 * {@code ok=<n> failed=<n> seconds=<wall> first=<earliest timestamp> last=<latest> errors=<kind counts>}.
 */
public final class WaitingClient {
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\"\\s*:\\s*\"([^\"]+)\"");

    private WaitingClient() {
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int count = Integer.parseInt(args[1]);
        Duration timeout = Duration.ofSeconds(Long.parseLong(args[2]));
        AtomicInteger ok = new AtomicInteger();
        Map<String, Integer> errors = new TreeMap<>();
        Instant[] range = {Instant.MAX, Instant.MIN};
        try (ExecutorService executor = Executors.newFixedThreadPool(4);
             HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                     .connectTimeout(timeout).executor(executor).build()) {
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).build();
            long startNs = System.nanoTime();
            CompletableFuture<?>[] all = new CompletableFuture<?>[count];
            for (int i = 0; i < count; i++) {
                all[i] = client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
                    synchronized (errors) {
                        if (failure != null) {
                            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                            errors.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                        } else if (response.statusCode() != 200) {
                            errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                        } else {
                            Matcher m = TIMESTAMP.matcher(response.body());
                            if (m.find()) {
                                Instant at = Instant.parse(m.group(1));
                                range[0] = at.isBefore(range[0]) ? at : range[0];
                                range[1] = at.isAfter(range[1]) ? at : range[1];
                                ok.incrementAndGet();
                            } else {
                                errors.merge("no timestamp", 1, Integer::sum);
                            }
                        }
                    }
                    return null;
                });
            }
            CompletableFuture.allOf(all).join();
            double seconds = (System.nanoTime() - startNs) / 1e9;
            synchronized (errors) {
                int failed = errors.values().stream().mapToInt(Integer::intValue).sum();
                System.out.println("ok=" + ok.get() + " failed=" + failed + " seconds=" + seconds
                        + " first=" + range[0] + " last=" + range[1] + " errors=" + errors);
            }
        }
    }
}
