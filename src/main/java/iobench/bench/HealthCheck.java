package iobench.bench;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.http.Json;
import iobench.http.ServerRole;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Asks every server of a run for {@code /health} before any load is sent. */
public final class HealthCheck {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private HealthCheck() {
    }

    /** Thrown when a server is missing or unwell; the message is one line for the console. */
    public static final class UnhealthyException extends RuntimeException {
        public UnhealthyException(String message) {
            super(message);
        }
    }

    /** The health answer of each server, by role; the sim's is checked but not returned. */
    public static Map<ServerRole, JsonNode> check(LoadClient client, Targets targets) {
        ask(client, ServerRole.SIM.label(), targets.simUrl());
        Map<ServerRole, JsonNode> answers = new EnumMap<>(ServerRole.class);
        targets.servers().forEach((role, uri) -> answers.put(role, ask(client, role.label(), uri)));
        return answers;
    }

    public static JsonNode ask(LoadClient client, String role, URI base) {
        URI health = URI.create(base.toString().replaceAll("/$", "") + "/health");
        HttpResult result = client.get(health, TIMEOUT);
        if (!result.answered()) {
            throw new UnhealthyException("the " + role + " server at " + base + " does not answer (" + result.errorKind().label()
                    + ": " + result.message() + ")");
        }
        if (result.status() != 200) {
            throw new UnhealthyException("the " + role + " server at " + base + " answered /health with HTTP " + result.status());
        }
        try {
            JsonNode body = Json.MAPPER.readTree(result.body());
            String reported = body.path("role").asText("");
            if (!reported.equals(role)) {
                throw new UnhealthyException("the server at " + base + " says it is '" + reported + "', expected the "
                        + role + " server; check the URL options");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnhealthyException("the " + role + " server at " + base + " answered /health with something other than JSON");
        }
    }
}
