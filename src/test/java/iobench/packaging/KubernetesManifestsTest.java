package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** deploy/kubernetes: every YAML file (multi-document allowed), read without a cluster. */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final Map<String, Integer> SERVERS = Map.of("sim", 8001, "sync", 8002, "async", 8003, "virtual", 8004);
    private static final List<JsonNode> docs = new ArrayList<>();
    private static final List<String> files = new ArrayList<>();
    private static JsonNode kustomization;

    @BeforeAll
    static void read() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        try (Stream<Path> list = Files.list(DIR)) {
            for (Path p : list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList()) {
                try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(p.toFile())) {
                    while (it.hasNext()) {
                        JsonNode doc = it.next();
                        if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                            continue;
                        }
                        if (doc.path("kind").asText().equals("Kustomization")) {
                            kustomization = doc;
                        } else {
                            docs.add(doc);
                        }
                    }
                }
                files.add(p.getFileName().toString());
            }
        }
    }

    static List<JsonNode> ofKind(String kind) {
        return docs.stream().filter(d -> d.path("kind").asText().equals(kind)).toList();
    }

    static List<JsonNode> podSpecs() {
        List<JsonNode> specs = new ArrayList<>();
        ofKind("Deployment").forEach(d -> specs.add(d.path("spec").path("template").path("spec")));
        ofKind("Job").forEach(j -> specs.add(j.path("spec").path("template").path("spec")));
        return specs;
    }

    static List<String> args(JsonNode container) {
        List<String> args = new ArrayList<>();
        container.path("args").forEach(a -> args.add(a.asText()));
        return args;
    }

    @Test
    void theExpectedKinds() {
        Map<String, Integer> kinds = new TreeMap<>();
        docs.forEach(d -> kinds.merge(d.path("kind").asText(), 1, Integer::sum));
        assertEquals(Map.of("Deployment", 4, "Service", 4, "Job", 1, "PersistentVolumeClaim", 1), kinds);
    }

    @Test
    void kustomizationListsEveryOtherFile() {
        assertTrue(kustomization != null, "a kustomization.yaml");
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> expected = new TreeSet<>(files);
        expected.remove("kustomization.yaml");
        assertEquals(expected, listed);
    }

    @Test
    void everyContainerHasRequestsLimitsAndTheSameImage() {
        Set<String> images = new HashSet<>();
        int containers = 0;
        for (JsonNode spec : podSpecs()) {
            for (JsonNode c : spec.path("containers")) {
                containers++;
                String name = c.path("name").asText();
                for (String part : List.of("requests", "limits")) {
                    JsonNode r = c.path("resources").path(part);
                    assertTrue(r.has("cpu") && r.has("memory"), name + " resources." + part + ": " + r);
                }
                images.add(c.path("image").asText());
            }
            assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean(), "runAsNonRoot: " + spec);
        }
        assertEquals(5, containers);
        assertEquals(1, images.size(), "one image for all: " + images);
        assertFalse(images.iterator().next().isBlank());
    }

    @Test
    void serversProbeHealthBindEveryInterfaceAndCallTheSimService() {
        Set<String> roles = new TreeSet<>();
        for (JsonNode d : ofKind("Deployment")) {
            JsonNode c = d.path("spec").path("template").path("spec").path("containers").get(0);
            List<String> args = args(c);
            String role = args.get(0).replace("serve-", "");
            roles.add(role);
            for (String probe : List.of("readinessProbe", "livenessProbe")) {
                assertEquals("/health", c.path(probe).path("httpGet").path("path").asText(), role + " " + probe);
            }
            assertEquals("0.0.0.0", args.get(args.indexOf("--host") + 1), role + ": " + args);
            assertEquals(SERVERS.get(role).intValue(), c.path("ports").get(0).path("containerPort").asInt(), role);
            if (!role.equals("sim")) {
                assertEquals("http://iobench-sim:8001", args.get(args.indexOf("--sim-url") + 1), role + ": " + args);
            }
        }
        assertEquals(new TreeSet<>(SERVERS.keySet()), roles);
    }

    @Test
    void servicesMatchTheDeployments() {
        Map<String, JsonNode> deployments = new TreeMap<>();
        ofKind("Deployment").forEach(d -> deployments.put(d.path("metadata").path("name").asText(), d));
        for (JsonNode svc : ofKind("Service")) {
            String name = svc.path("metadata").path("name").asText();
            JsonNode d = deployments.get(name);
            assertTrue(d != null, "Service " + name + " has a Deployment of the same name");
            JsonNode labels = d.path("spec").path("template").path("metadata").path("labels");
            svc.path("spec").path("selector").fields().forEachRemaining(e ->
                    assertEquals(e.getValue().asText(), labels.path(e.getKey()).asText(), name + " selector " + e.getKey()));
            String role = name.replace("iobench-", "");
            assertEquals(SERVERS.get(role).intValue(), svc.path("spec").path("ports").get(0).path("port").asInt(), name);
        }
    }

    @Test
    void benchJobTargetsTheServicesAndWritesToTheClaim() {
        JsonNode job = ofKind("Job").get(0);
        JsonNode spec = job.path("spec").path("template").path("spec");
        JsonNode c = spec.path("containers").get(0);
        List<String> args = args(c);
        assertEquals("bench", args.get(0));
        SERVERS.forEach((role, port) ->
                assertEquals("http://iobench-" + role + ":" + port, args.get(args.indexOf("--" + role + "-url") + 1), args.toString()));
        String claim = ofKind("PersistentVolumeClaim").get(0).path("metadata").path("name").asText();
        String volume = null;
        for (JsonNode v : spec.path("volumes")) {
            if (v.path("persistentVolumeClaim").path("claimName").asText().equals(claim)) {
                volume = v.path("name").asText();
            }
        }
        assertTrue(volume != null, "the Job mounts the claim " + claim);
        boolean mounted = false;
        for (JsonNode m : c.path("volumeMounts")) {
            mounted |= m.path("name").asText().equals(volume) && m.path("mountPath").asText().equals("/reports");
        }
        assertTrue(mounted, "the claim is mounted at /reports");
        int out = args.indexOf("--out");
        assertTrue(out < 0 || args.get(out + 1).startsWith("/reports/"), "the report goes to the claim: " + args);
        assertEquals("Never", spec.path("restartPolicy").asText());
    }
}
