package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: the four servers and bench, read without Docker. */
class DockerComposeTest {
    private static final Map<String, Integer> SERVERS = Map.of("sim", 8001, "sync", 8002, "async", 8003, "virtual", 8004);
    private static JsonNode services;

    @BeforeAll
    static void read() throws IOException {
        services = new YAMLMapper().readTree(Path.of("docker-compose.yml").toFile()).path("services");
    }

    static List<String> command(JsonNode service) {
        List<String> args = new ArrayList<>();
        service.path("command").forEach(a -> args.add(a.asText()));
        return args;
    }

    static String after(List<String> args, String option) {
        int at = args.indexOf(option);
        return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : null;
    }

    @Test
    void fourServersAndBenchFromOneImageBuiltOnce() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("sim", "sync", "async", "virtual", "bench")), names);
        int builds = 0;
        for (JsonNode s : services) {
            assertEquals("iobench:latest", s.path("image").asText(), s.toString());
            builds += s.has("build") ? 1 : 0;
        }
        assertEquals(1, builds, "one service builds the image, the others use its tag");
    }

    @Test
    void serversBindEveryInterfacePublishTheirPortAndHaveAHealthcheck() {
        SERVERS.forEach((name, port) -> {
            JsonNode s = services.path(name);
            List<String> cmd = command(s);
            assertEquals("serve-" + name, cmd.get(0), name);
            assertEquals("0.0.0.0", after(cmd, "--host"), name + ": " + cmd);
            boolean published = false;
            for (JsonNode p : s.path("ports")) {
                published |= p.asText().endsWith(":" + port + ":" + port);
            }
            assertTrue(published, name + " publishes " + port + ": " + s.path("ports"));
            JsonNode test = s.path("healthcheck").path("test");
            assertTrue(test.isArray() && test.toString().contains("healthcheck"), name + " healthcheck: " + test);
        });
    }

    @Test
    void everySimUrlIsTheSimService() {
        int seen = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
            List<String> cmd = command(e.getValue());
            String sim = after(cmd, "--sim-url");
            if (!e.getKey().equals("sim")) {
                assertEquals("http://sim:8001", sim, e.getKey() + ": " + cmd);
                seen++;
            }
        }
        assertEquals(4, seen);
    }

    @Test
    void benchTargetsTheServicesByNameWaitsForThemAndWritesToTheBindMount() {
        JsonNode bench = services.path("bench");
        List<String> cmd = command(bench);
        assertEquals("bench", cmd.get(0));
        SERVERS.forEach((name, port) ->
                assertEquals("http://" + name + ":" + port, after(cmd, "--" + name + "-url"), cmd.toString()));
        assertTrue(after(cmd, "--out").startsWith("/reports/"), cmd.toString());
        assertTrue(bench.path("volumes").toString().contains("./reports:/reports"), bench.path("volumes").toString());
        for (String name : SERVERS.keySet()) {
            assertEquals("service_healthy", bench.path("depends_on").path(name).path("condition").asText(), name);
        }
        assertFalse(bench.path("profiles").isEmpty(), "bench only runs when asked (a profile)");
    }
}
