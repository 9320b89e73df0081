package iobench.bench;

import iobench.scenario.BenchPlan;
import iobench.scenario.Scenario;
import iobench.bench.contender.Target;
import iobench.bench.load.HttpResult;
import iobench.bench.load.LoadClient;
import iobench.http.HealthAnswer;
import iobench.http.Json;
import iobench.core.ServerRole;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.OptionalLong;
import java.util.Map;

/** Asks every server of a run for {@code /health}, and each named target for one request, before any load is sent. */
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

    /** The health answer of each server by role, the sim's included where the run has one. */
    public static Map<ServerRole, HealthAnswer> check(LoadClient client, Targets targets) {
        Map<ServerRole, HealthAnswer> answers = new EnumMap<>(ServerRole.class);
        if (targets.simUrl() != null) {
            answers.put(ServerRole.SIM, ask(client, ServerRole.SIM.label(), targets.simUrl()));
        }
        targets.servers().forEach((role, uri) -> answers.put(role, ask(client, role.label(), uri)));
        return answers;
    }

    /**
     * One request of each named target a scenario lists, of its own template with the smallest delay
     * those scenarios ask for (a real request of the run: a service may refuse delays below its
     * range): one that does not answer 2xx stops the bench before any load, named with its URL.
     * Its /health is not asked: any service may lack one.
     */
    public static void checkNamed(LoadClient client, BenchPlan plan) {
        for (Target t : plan.targets()) {
            OptionalLong delayMs = plan.scenarios().stream().filter(s -> s.servers().contains(t.contender()))
                    .mapToLong(Scenario::delayMs).min();
            if (delayMs.isEmpty()) {
                continue;
            }
            String problem = TargetProbe.problem(client, t, delayMs.getAsLong());
            if (problem != null) {
                throw new UnhealthyException("the named target " + t.name() + " at " + t.url().text()
                        + (problem.startsWith("HTTP ") ? " answered " + problem : " does not answer (" + problem + ")")
                        + "; start it or correct its URL");
            }
        }
    }

    /** The server's /health, read; one that does not answer 200 with its role's JSON is refused in one line. */
    public static HealthAnswer ask(LoadClient client, String role, URI base) {
        URI health = URI.create(base.toString().replaceAll("/$", "") + "/health");
        HttpResult result = client.get(health, TIMEOUT);
        if (!result.answered()) {
            throw new UnhealthyException("the " + role + " server at " + base + " does not answer (" + result.errorKind().label()
                    + ": " + result.message() + ")");
        }
        if (result.status() != 200) {
            throw new UnhealthyException("the " + role + " server at " + base + " answered /health with HTTP " + result.status());
        }
        HealthAnswer answer;
        try {
            answer = HealthAnswer.read(Json.MAPPER.readTree(result.body()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UnhealthyException("the " + role + " server at " + base + " answered /health with something other than JSON");
        } catch (IllegalArgumentException e) {
            throw new UnhealthyException("the " + role + " server at " + base
                    + " answered /health with JSON it cannot read (" + e.getMessage() + "); check the URL options");
        }
        String reported = answer == null || answer.role() == null ? "" : answer.role();
        if (!reported.equals(role)) {
            throw new UnhealthyException("the server at " + base + " says it is '" + reported + "', expected the "
                    + role + " server; check the URL options");
        }
        return answer;
    }
}
