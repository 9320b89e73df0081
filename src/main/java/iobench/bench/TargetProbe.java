package iobench.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import iobench.bench.contender.RequestValues;
import iobench.bench.contender.Target;
import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.core.Strategy;
import iobench.http.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;

/**
 * What {@code check} tells of a named target: whether its {@code /health} (at the URL's origin)
 * answers, and how many requests it serves at once, from one burst of requests that each ask for
 * the same delay: a burst of N served in W waves of the delay holds about N / W at once.
 */
public final class TargetProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TargetProbe() {
    }

    /** @param role what its /health says it is, or a note when it has none (not an error: any service may lack it) */
    public record Health(boolean answered, String role) {
    }

    /**
     * @param answered  requests of the burst that got a 2xx
     * @param durationS the whole burst, from the first send to the last answer
     */
    public record Concurrency(int sent, int answered, long delayMs, double durationS) {
        /**
         * Requests served at once, about: the burst over the waves it took. No wave ends before its
         * delay, so sending, connecting and a busy machine only ever add time: W waves take from W
         * delays to just under W + 1, and whole delays are counted (rounding took 0.76 s for two).
         */
        public double heldAtOnce() {
            double waves = Math.max(1, Math.floor(durationS * 1000 / delayMs));
            return sent / waves;
        }
    }

    public static Health health(LoadClient client, Target target) {
        URI sample = target.url().fill(0, 1, Strategy.SEQUENTIAL, 0);
        URI health = URI.create(sample.getScheme() + "://" + sample.getRawAuthority() + "/health");
        HttpResult result = client.get(health, TIMEOUT);
        if (!result.answered()) {
            return new Health(false, result.errorKind().label() + ": " + result.message());
        }
        if (result.status() != 200) {
            return new Health(true, "no /health (HTTP " + result.status() + ")");
        }
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(result.body());
        } catch (Exception e) {
            return new Health(true, "/health is not JSON");
        }
        String role = null;
        try {
            RoleOnly said = body == null || !body.isObject() ? null : Json.MAPPER.treeToValue(body, RoleOnly.class);
            role = said == null ? null : said.role();
        } catch (Exception e) {
            // Any service may have a /health, of its own shape: one whose role is no text gives none.
        }
        return new Health(true, role == null ? "(no role)" : role);
    }

    /** All of another service's /health that check reads: what it says it is. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record RoleOnly(String role) {
    }

    /**
     * One request of the target's own template, of one call asking for {@code delayMs}: what bench
     * sends, so a wrong path or port shows before the load rather than as a run of failures.
     *
     * @return null when it answered 2xx, else why not in a few words ("connection refused: ...", "HTTP 404")
     */
    public static String problem(LoadClient client, Target target, long delayMs) {
        HttpResult r = client.send(target, values(client, delayMs), TIMEOUT);
        if (!r.answered()) {
            return r.errorKind().label() + ": " + r.message();
        }
        return ok(target, r) ? null : "HTTP " + r.status();
    }

    /** An answer the target's {@code expect} takes as success (by default any 2xx). */
    private static boolean ok(Target target, HttpResult r) {
        return r.answered() && target.request().success(r.status());
    }

    private static RequestValues values(LoadClient client, long delayMs) {
        return new RequestValues(delayMs, 1, Strategy.SEQUENTIAL, client.nextRequestId());
    }

    /** {@code burst} requests at once, each of one call asking for {@code delayMs}. */
    public static Concurrency concurrency(LoadClient client, Target target, int burst, long delayMs)
            throws InterruptedException {
        List<Future<HttpResult>> sent = new ArrayList<>();
        long startNs = System.nanoTime();
        for (int i = 1; i <= burst; i++) {
            RequestValues values = values(client, delayMs);
            sent.add(client.threads().submit(() -> client.send(target, values, TIMEOUT)));
        }
        int answered = 0;
        for (Future<HttpResult> f : sent) {
            try {
                HttpResult r = f.get();
                answered += ok(target, r) ? 1 : 0;
            } catch (java.util.concurrent.ExecutionException e) {
                // a request the client could not even send: not answered
            }
        }
        return new Concurrency(burst, answered, delayMs, (System.nanoTime() - startNs) / 1e9);
    }
}
