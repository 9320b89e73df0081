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

/** docker-compose.yml: the four servers, bench, and the distributed profile's generators and merge, read without Docker. */
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
    void fourServersBenchGeneratorsAndMergeFromOneImageBuiltOnce() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(new TreeSet<>(List.of("sim", "sync", "async", "virtual", "bench", "gen-1", "gen-2", "gen-3", "merge")), names);
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
            assertEquals("[\"CMD\",\"/bin/bash\",\"/app/healthcheck.sh\"]", test.toString(),
                    name + " healthcheck (bash, no second JVM): " + test);
        });
    }

    /** Equal limits, so the servers' share of the machine is not left to chance; overridable together. */
    @Test
    void everyServerHasTheSameCpuAndMemoryLimit() {
        SERVERS.keySet().forEach(name -> {
            JsonNode s = services.path(name);
            assertEquals("${IOBENCH_SERVER_CPUS:-1.0}", s.path("cpus").asText(), name);
            assertEquals("${IOBENCH_SERVER_MEMORY:-1g}", s.path("mem_limit").asText(), name);
        });
    }

    @Test
    void everySimUrlIsTheSimService() {
        int seen = 0;
        for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) services::fields) {
            List<String> cmd = command(e.getValue());
            String sim = after(cmd, "--sim-url");
            // Every server but sim itself calls sim, and so does every bench; merge calls nothing.
            if (!e.getKey().equals("sim") && !cmd.get(0).equals("merge")) {
                assertEquals("http://sim:8001", sim, e.getKey() + ": " + cmd);
                seen++;
            }
        }
        assertEquals(7, seen);
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

    static List<JsonNode> generators() {
        List<JsonNode> gens = new ArrayList<>();
        for (int i = 1; services.has("gen-" + i); i++) {
            gens.add(services.path("gen-" + i));
        }
        return gens;
    }

    @Test
    void generatorIRunsSegmentIOfAllFromOneStartAgainstTheServicesIntoItsOwnDirectory() {
        List<JsonNode> gens = generators();
        int n = gens.size();
        assertTrue(n >= 2, "a few generators: " + n);
        Set<String> starts = new TreeSet<>();
        Set<String> outs = new TreeSet<>();
        for (int i = 1; i <= n; i++) {
            JsonNode gen = gens.get(i - 1);
            List<String> cmd = command(gen);
            assertEquals("bench", cmd.get(0), cmd.toString());
            assertEquals(i + "/" + n, after(cmd, "--segment"), "gen-" + i + ": " + cmd);
            starts.add(after(cmd, "--start-at"));
            SERVERS.forEach((name, port) ->
                    assertEquals("http://" + name + ":" + port, after(cmd, "--" + name + "-url"), cmd.toString()));
            String out = after(cmd, "--out");
            assertTrue(out.startsWith("/reports/") && out.endsWith("/segment-" + i), out);
            outs.add(out.substring(0, out.lastIndexOf('/')));
            assertEquals(services.path("bench").path("volumes"), gen.path("volumes"), "gen-" + i + " writes where bench does");
            assertEquals(services.path("bench").path("user"), gen.path("user"), "gen-" + i + " runs as bench does");
            for (String name : SERVERS.keySet()) {
                assertEquals("service_healthy", gen.path("depends_on").path(name).path("condition").asText(), "gen-" + i + " " + name);
            }
            assertEquals("[\"distributed\"]", gen.path("profiles").toString(), "gen-" + i + " only runs when asked");
        }
        assertEquals(1, starts.size(), "one start instant for all: " + starts);
        assertEquals(1, outs.size(), "one run directory for all: " + outs);
    }

    @Test
    void mergeCombinesEveryGeneratorsSegmentAfterAllHaveFinished() {
        JsonNode merge = services.path("merge");
        List<String> cmd = command(merge);
        assertEquals("merge", cmd.get(0));
        List<String> segments = new ArrayList<>();
        for (JsonNode gen : generators()) {
            segments.add(after(command(gen), "--out"));
        }
        String out = after(cmd, "--out");
        assertEquals(cmd.size() - 3, segments.size(), "merge names every segment directory: " + cmd);
        assertEquals(segments, cmd.subList(3, cmd.size()));
        String runDir = segments.get(0).substring(0, segments.get(0).lastIndexOf('/'));
        assertEquals(runDir + "/merged", out);
        for (int i = 1; i <= segments.size(); i++) {
            assertEquals("service_completed_successfully", merge.path("depends_on").path("gen-" + i).path("condition").asText(), "gen-" + i);
        }
        assertEquals(services.path("bench").path("volumes"), merge.path("volumes"));
        assertEquals("[\"distributed\"]", merge.path("profiles").toString());
    }
}
