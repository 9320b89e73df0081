package iobench.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.http.Json;

/** A profile as {@code GET /profile} shows it: the same names and units (seconds) as the query parameters. */
final class ProfileJson {
    private ProfileJson() {
    }

    static ObjectNode of(IoProfile profile) {
        ObjectNode node = Json.object();
        switch (profile.distribution()) {
            case null -> node.put("dist", "as-requested");
            case DelayDistribution.Fixed f -> node.put("dist", "fixed").put("delay", f.delayMs() / 1000.0);
            case DelayDistribution.Uniform u -> node.put("dist", "uniform").put("min", u.minMs() / 1000.0)
                    .put("max", u.maxMs() / 1000.0);
            case DelayDistribution.Normal n -> node.put("dist", "normal").put("delay", n.meanMs() / 1000.0)
                    .put("p99", n.p99Ms() / 1000.0);
            case DelayDistribution.LogNormal l -> node.put("dist", "lognormal").put("delay", l.medianMs() / 1000.0)
                    .put("p99", l.p99Ms() / 1000.0);
            case DelayDistribution.Exponential e -> node.put("dist", "exponential").put("delay", e.meanMs() / 1000.0);
        }
        node.put("error_rate", profile.errorRate());
        node.put("unavailable_rate", profile.unavailableRate());
        node.put("hang_rate", profile.hangRate());
        node.put("reset_rate", profile.resetRate());
        node.put("stall_every", profile.stallEveryMs() / 1000.0);
        node.put("stall", profile.stallMs() / 1000.0);
        node.put("seed", profile.seed());
        node.put("query", profile.toQuery());
        return node;
    }
}
