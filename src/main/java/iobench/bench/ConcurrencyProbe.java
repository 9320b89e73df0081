package iobench.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.http.Json;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/**
 * The original quick test's concurrency probe: park n requests on the simulation server's gate,
 * check that all n are held at once, release them, and raise n step by step until a step fails
 * or the maximum is reached. It measures how many waiting requests the sim (and the path to it)
 * can hold, which bounds every other figure.
 */
public final class ConcurrencyProbe {
    /** One step: how many were sent, seen parked, released and answered 200. */
    public record Step(int sent, int parked, int released, int answered, double seconds, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final Duration PARK_DEADLINE = Duration.ofSeconds(15);

    private ConcurrencyProbe() {
    }

    public static List<Step> run(LoadClient client, URI simUrl, int start, int increment, int max) throws InterruptedException {
        List<Step> steps = new ArrayList<>();
        for (int n = start; n <= max; n += increment) {
            Step step = step(client, simUrl, n);
            steps.add(step);
            if (!step.ok()) {
                break;
            }
        }
        return steps;
    }

    static Step step(LoadClient client, URI simUrl, int n) throws InterruptedException {
        String base = simUrl.toString().replaceAll("/$", "");
        long timeoutS = PARK_DEADLINE.toSeconds() + 5;
        URI block = URI.create(base + "/concurrency/block?delay=0&timeout=" + timeoutS);
        long startNs = System.nanoTime();
        List<Future<HttpResult>> parked = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            parked.add(client.threads().submit(() -> client.get(block, Duration.ofSeconds(timeoutS + 10))));
        }
        int seen = waitForParked(client, URI.create(base + "/concurrency/status"), n);
        HttpResult release = client.post(URI.create(base + "/concurrency/release"), Duration.ofSeconds(10));
        Integer releasedCount = release.answered() ? parse(release.body()).released() : null;
        int released = releasedCount == null ? -1 : releasedCount;
        int answered = 0;
        for (Future<HttpResult> f : parked) {
            try {
                HttpResult r = f.get();
                if (r.answered() && r.status() == 200) {
                    answered++;
                }
            } catch (ExecutionException e) {
                // counted as not answered
            }
        }
        double seconds = (System.nanoTime() - startNs) / 1e9;
        String problem = null;
        if (seen < n) {
            problem = "only " + seen + " of " + n + " were held at once within " + PARK_DEADLINE.toSeconds() + " s";
        } else if (released != n) {
            problem = "the release let " + released + " through, expected " + n;
        } else if (answered != n) {
            problem = (n - answered) + " of " + n + " did not answer 200";
        }
        return new Step(n, seen, released, answered, seconds, problem);
    }

    private static int waitForParked(LoadClient client, URI status, int n) throws InterruptedException {
        long deadline = System.nanoTime() + PARK_DEADLINE.toNanos();
        int seen = 0;
        while (System.nanoTime() < deadline) {
            HttpResult r = client.get(status, Duration.ofSeconds(5));
            if (r.answered() && r.status() == 200) {
                Integer parkedCount = parse(r.body()).parked();
                seen = parkedCount == null ? 0 : parkedCount;
                if (seen >= n) {
                    return seen;
                }
            }
            Thread.sleep(20);
        }
        return seen;
    }

    /**
     * What the sim's gate answers: {@code /concurrency/status} how many are parked,
     * {@code /concurrency/release} how many it let through; null where the answer does not say.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record GateAnswer(Integer parked, Integer released) {
        static final GateAnswer NONE = new GateAnswer(null, null);
    }

    private static GateAnswer parse(String body) {
        try {
            GateAnswer answer = body == null ? null : Json.MAPPER.readValue(body, GateAnswer.class);
            return answer == null ? GateAnswer.NONE : answer;
        } catch (Exception e) {
            return GateAnswer.NONE;
        }
    }
}
