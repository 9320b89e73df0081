package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes/distributed: the Indexed Job of N generators, the RWX claim and the merge Job,
 * read without a cluster. The two shell scripts in the Jobs are also run, with /bin/sh and a stand-in
 * {@code java} that records its arguments, since what they pass to iobench is their whole point.
 */
class DistributedManifestsTest {
    private static final Path DIR = Path.of("deploy", "kubernetes", "distributed");
    private static final Path SERVERS_DIR = Path.of("deploy", "kubernetes");
    private static final String CONFIG_MAP = "iobench-distributed";
    private static final List<JsonNode> docs = new ArrayList<>();
    private static final List<String> files = new ArrayList<>();
    private static JsonNode kustomization;
    /** run.env: the one place for the share count, the run's name and the start instant. */
    private static Map<String, String> runEnv;
    /** role (sim, sync, ...) -> http://service:port, from the Services of deploy/kubernetes. */
    private static final Map<String, String> serviceUrls = new TreeMap<>();
    private static String serversImage;
    /** The image's ENTRYPOINT: java, its flags, -jar, the jar. */
    private static List<String> entrypoint;

    @BeforeAll
    static void read() throws IOException {
        YAMLMapper yaml = new YAMLMapper();
        for (Path p : yamlFiles(DIR)) {
            for (JsonNode doc : readAll(yaml, p)) {
                if (doc.path("kind").asText().equals("Kustomization")) {
                    kustomization = doc;
                } else {
                    docs.add(doc);
                }
            }
            files.add(p.getFileName().toString());
        }
        runEnv = readEnvFile(DIR.resolve("run.env"));
        for (Path p : yamlFiles(SERVERS_DIR)) {
            for (JsonNode doc : readAll(yaml, p)) {
                String name = doc.path("metadata").path("name").asText();
                if (doc.path("kind").asText().equals("Service")) {
                    serviceUrls.put(name.replace("iobench-", ""),
                            "http://" + name + ":" + doc.path("spec").path("ports").get(0).path("port").asInt());
                } else if (doc.path("kind").asText().equals("Deployment")) {
                    serversImage = doc.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
                }
            }
        }
        DockerfileTest.Stage run = DockerfileTest.parse(Files.readString(Path.of("Dockerfile"))).getLast();
        entrypoint = DockerfileTest.execForm(run.last("ENTRYPOINT"));
    }

    static List<Path> yamlFiles(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static List<JsonNode> readAll(YAMLMapper yaml, Path p) throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(p.toFile())) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && !doc.isEmpty()) {
                    all.add(doc);
                }
            }
        }
        return all;
    }

    /** KEY=VALUE lines as kustomize reads an env file: # comments and blank lines skipped. */
    static Map<String, String> readEnvFile(Path p) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : Files.readAllLines(p)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            assertTrue(eq > 0, p + ": not KEY=VALUE: " + line);
            assertEquals(null, env.put(t.substring(0, eq), t.substring(eq + 1)), p + ": set twice: " + line);
        }
        return env;
    }

    static JsonNode job(String name) {
        return docs.stream()
                .filter(d -> d.path("kind").asText().equals("Job") && d.path("metadata").path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Job " + name + " in " + DIR));
    }

    static JsonNode podSpec(JsonNode job) {
        return job.path("spec").path("template").path("spec");
    }

    static JsonNode container(JsonNode job) {
        JsonNode containers = podSpec(job).path("containers");
        assertEquals(1, containers.size(), "one container: " + containers);
        return containers.get(0);
    }

    /** The script of a container that runs ["/bin/sh", "-c"] with the script as its one argument. */
    static String script(JsonNode job) {
        JsonNode c = container(job);
        List<String> command = new ArrayList<>();
        c.path("command").forEach(a -> command.add(a.asText()));
        assertEquals(List.of("/bin/sh", "-c"), command, "a shell runs the script in args");
        assertEquals(1, c.path("args").size(), "one script: " + c.path("args"));
        return c.path("args").get(0).asText();
    }

    static JsonNode claim() {
        List<JsonNode> claims = docs.stream().filter(d -> d.path("kind").asText().equals("PersistentVolumeClaim")).toList();
        assertEquals(1, claims.size(), "one claim");
        return claims.get(0);
    }

    /** Where the job mounts the claim. */
    static String claimMountPath(JsonNode job) {
        String claim = claim().path("metadata").path("name").asText();
        String volume = null;
        for (JsonNode v : podSpec(job).path("volumes")) {
            if (v.path("persistentVolumeClaim").path("claimName").asText().equals(claim)) {
                volume = v.path("name").asText();
            }
        }
        assertNotNull(volume, job.path("metadata").path("name").asText() + " mounts the claim " + claim);
        for (JsonNode m : container(job).path("volumeMounts")) {
            if (m.path("name").asText().equals(volume)) {
                return m.path("mountPath").asText();
            }
        }
        throw new AssertionError("the volume " + volume + " is not mounted");
    }

    static int shares() {
        return Integer.parseInt(runEnv.get("SHARES"));
    }

    @Test
    void kustomizationListsEveryOtherFileAndMakesTheConfigMapFromRunEnv() {
        assertNotNull(kustomization, "a kustomization.yaml");
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> expected = new TreeSet<>(files);
        expected.remove("kustomization.yaml");
        assertEquals(expected, listed);
        JsonNode generators = kustomization.path("configMapGenerator");
        assertEquals(1, generators.size(), generators.toString());
        assertEquals(CONFIG_MAP, generators.get(0).path("name").asText());
        assertEquals("[\"run.env\"]", generators.get(0).path("envs").toString());
        for (String job : List.of("iobench-generators", "iobench-merge")) {
            JsonNode envFrom = container(job(job)).path("envFrom");
            assertEquals(CONFIG_MAP, envFrom.get(0).path("configMapRef").path("name").asText(), job + " reads run.env");
        }
    }

    @Test
    void runEnvSetsSharesRunNameAndAnAbsoluteStart() {
        assertTrue(shares() >= 2, "SHARES: " + runEnv);
        assertTrue(runEnv.get("RUN_NAME").matches("[A-Za-z0-9._-]+"), "RUN_NAME is one directory name: " + runEnv);
        // Absolute: "+30s" would count from each pod's own start.
        Instant.parse(runEnv.get("START_AT"));
        assertTrue(Files.isRegularFile(Path.of(runEnv.get("SCENARIOS"))), "SCENARIOS names a file the image has in /app: " + runEnv);
        assertTrue(Integer.parseInt(runEnv.get("MERGE_WAIT_S")) > 0, runEnv.toString());
    }

    @Test
    void generatorsAreAnIndexedJobOfSharesPodsAllAtOnceCopiedFromRunEnv() {
        JsonNode spec = job("iobench-generators").path("spec");
        assertEquals("Indexed", spec.path("completionMode").asText());
        assertEquals(shares(), spec.path("completions").asInt(), "completions = SHARES of run.env");
        assertEquals(shares(), spec.path("parallelism").asInt(), "parallelism = SHARES of run.env");
        // kustomize keeps them so when run.env changes: the replacement from the ConfigMap.
        Set<String> copied = new TreeSet<>();
        for (JsonNode r : kustomization.path("replacements")) {
            JsonNode source = r.path("source");
            if (source.path("kind").asText().equals("ConfigMap") && source.path("name").asText().equals(CONFIG_MAP)
                    && source.path("fieldPath").asText().equals("data.SHARES")) {
                for (JsonNode t : r.path("targets")) {
                    if (t.path("select").path("kind").asText().equals("Job")
                            && t.path("select").path("name").asText().equals("iobench-generators")) {
                        t.path("fieldPaths").forEach(f -> copied.add(f.asText()));
                    }
                }
            }
        }
        assertEquals(Set.of("spec.completions", "spec.parallelism"), copied);
    }

    @Test
    void generatorsRetryOnlyServersNotReadyAndSpreadOverNodes() {
        JsonNode job = job("iobench-generators");
        JsonNode spec = podSpec(job);
        assertEquals("Never", spec.path("restartPolicy").asText(), "podFailurePolicy needs restartPolicy Never");
        boolean failOnAllBut3 = false;
        for (JsonNode rule : job.path("spec").path("podFailurePolicy").path("rules")) {
            JsonNode codes = rule.path("onExitCodes");
            failOnAllBut3 |= rule.path("action").asText().equals("FailJob")
                    && codes.path("containerName").asText().equals(container(job).path("name").asText())
                    && codes.path("operator").asText().equals("NotIn") && codes.path("values").toString().equals("[3]");
        }
        assertTrue(failOnAllBut3, "FailJob on every exit code but 3: " + job.path("spec").path("podFailurePolicy"));
        // First match wins: an evicted pod's killed container (137) must meet Ignore before the catch-all FailJob.
        JsonNode first = job.path("spec").path("podFailurePolicy").path("rules").path(0);
        assertEquals("Ignore", first.path("action").asText(), "the first rule: " + first);
        assertEquals("DisruptionTarget", first.path("onPodConditions").path(0).path("type").asText(), "the first rule: " + first);
        String podName = job.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/name").asText();
        boolean spread = false;
        for (JsonNode t : spec.path("topologySpreadConstraints")) {
            spread |= t.path("topologyKey").asText().equals("kubernetes.io/hostname")
                    && t.path("labelSelector").path("matchLabels").path("app.kubernetes.io/name").asText().equals(podName);
        }
        JsonNode preferred = spec.path("affinity").path("podAntiAffinity").path("preferredDuringSchedulingIgnoredDuringExecution");
        assertTrue(spread || !preferred.isEmpty(), "the generators spread over the nodes: " + spec);
        // Preferences only: a one-node cluster (kind, minikube) still runs every pod.
        for (JsonNode t : spec.path("topologySpreadConstraints")) {
            assertEquals("ScheduleAnyway", t.path("whenUnsatisfiable").asText());
        }
        assertTrue(spec.path("affinity").path("podAntiAffinity").path("requiredDuringSchedulingIgnoredDuringExecution").isMissingNode());
    }

    @Test
    void bothJobsRunNonRootWithRequestsLimitsAndTheServersImage() {
        for (String name : List.of("iobench-generators", "iobench-merge")) {
            JsonNode job = job(name);
            JsonNode security = podSpec(job).path("securityContext");
            assertTrue(security.path("runAsNonRoot").asBoolean(), name + ": " + security);
            assertFalse(security.path("runAsUser").asInt() == 0, name + ": " + security);
            JsonNode c = container(job);
            for (String part : List.of("requests", "limits")) {
                JsonNode r = c.path("resources").path(part);
                assertTrue(r.has("cpu") && r.has("memory"), name + " resources." + part + ": " + r);
            }
            assertFalse(c.path("securityContext").path("allowPrivilegeEscalation").asBoolean(true), name);
            assertEquals(serversImage, c.path("image").asText(), name + " uses the servers' image");
        }
    }

    @Test
    void theClaimIsReadWriteManyAndBothJobsMountItAtTheSamePath() {
        JsonNode claim = claim();
        assertEquals("[\"ReadWriteMany\"]", claim.path("spec").path("accessModes").toString(),
                "N pods on N nodes write to it at once");
        String path = claimMountPath(job("iobench-generators"));
        assertEquals(path, claimMountPath(job("iobench-merge")), "merge reads where the generators write");
        assertTrue(script(job("iobench-generators")).contains("\"" + path + "/$RUN_NAME/segment-$i\""));
        assertTrue(script(job("iobench-merge")).contains("\"" + path + "/$RUN_NAME\""));
    }

    // --- The scripts, run ------------------------------------------------------------------------

    record Ran(int exit, String stderr, List<String> javaArgs) {
    }

    /**
     * Runs a Job's script with /bin/sh, the pod's environment from run.env plus {@code extra}, and
     * a {@code java} on the PATH that writes its arguments to a file instead of starting iobench.
     * {@code mountPath} in the script becomes {@code reports}, so that it runs without a /reports.
     */
    static Ran runScript(String jobName, Map<String, String> extra, Path tmp, Path reports) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs /bin/sh");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path fakeJava = bin.resolve("java");
        Files.writeString(fakeJava, "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"$JAVA_ARGS_FILE\"\n");
        Files.setPosixFilePermissions(fakeJava, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path argsFile = tmp.resolve("java-args");
        Files.deleteIfExists(argsFile);
        JsonNode job = job(jobName);
        String script = script(job).replace("\"" + claimMountPath(job) + "/", "\"" + reports + "/");
        ProcessBuilder pb = new ProcessBuilder("/bin/sh", "-c", script);
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", bin + ":/usr/bin:/bin");
        env.putAll(runEnv);
        env.putAll(extra);
        env.put("JAVA_ARGS_FILE", argsFile.toString());
        Path err = tmp.resolve("stderr");
        pb.redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script ends");
        List<String> args = Files.exists(argsFile) ? Files.readAllLines(argsFile, StandardCharsets.UTF_8) : null;
        return new Ran(p.exitValue(), Files.readString(err), args);
    }

    /** What the image's ENTRYPOINT runs, followed by iobench's arguments. */
    static List<String> asEntrypoint(List<String> iobenchArgs) {
        List<String> all = new ArrayList<>(entrypoint.subList(1, entrypoint.size()));
        all.addAll(iobenchArgs);
        return all;
    }

    @Test
    void generatorPodIRunsSegmentIPlus1OfSharesAgainstTheServicesIntoItsOwnDirectory(@TempDir Path tmp) throws Exception {
        assertEquals(Set.of("sim", "sync", "async", "virtual"), serviceUrls.keySet());
        Path reports = tmp.resolve("reports");
        for (int index : new int[] {0, shares() - 1}) {
            Ran ran = runScript("iobench-generators", Map.of("JOB_COMPLETION_INDEX", String.valueOf(index)), tmp, reports);
            assertEquals(0, ran.exit(), ran.stderr());
            int segment = index + 1;
            List<String> expected = new ArrayList<>(List.of("bench",
                    "--segment", segment + "/" + shares(),
                    "--start-at", runEnv.get("START_AT"),
                    "--scenarios", runEnv.get("SCENARIOS")));
            for (String role : List.of("sim", "sync", "async", "virtual")) {
                expected.add("--" + role + "-url");
                expected.add(serviceUrls.get(role));
            }
            expected.addAll(List.of("--out", reports + "/" + runEnv.get("RUN_NAME") + "/segment-" + segment));
            assertEquals(asEntrypoint(expected), ran.javaArgs(), "pod " + index);
        }
    }

    @Test
    void theShareCountComesFromTheEnvironmentNotTheScript(@TempDir Path tmp) throws Exception {
        Ran ran = runScript("iobench-generators", Map.of("JOB_COMPLETION_INDEX", "6", "SHARES", "7", "RUN_NAME", "r7"),
                tmp, tmp.resolve("reports"));
        List<String> args = ran.javaArgs();
        assertNotNull(args, ran.stderr());
        assertEquals("7/7", args.get(args.indexOf("--segment") + 1));
        assertTrue(args.get(args.indexOf("--out") + 1).endsWith("/r7/segment-7"), args.toString());
    }

    static Path segmentDone(Path reports, String run, int i) throws IOException {
        Path dir = Files.createDirectories(reports.resolve(run).resolve("segment-" + i));
        return Files.writeString(dir.resolve("segment.json"), "{}");
    }

    @Test
    void mergeRunsOverEverySegmentDirectoryOnceAllSegmentJsonFilesExist(@TempDir Path tmp) throws Exception {
        Path reports = tmp.resolve("reports");
        String run = runEnv.get("RUN_NAME");
        for (int i = 1; i <= shares(); i++) {
            segmentDone(reports, run, i);
        }
        Ran ran = runScript("iobench-merge", Map.of(), tmp, reports);
        assertEquals(0, ran.exit(), ran.stderr());
        List<String> expected = new ArrayList<>(List.of("merge", "--out", reports + "/" + run + "/merged"));
        for (int i = 1; i <= shares(); i++) {
            expected.add(reports + "/" + run + "/segment-" + i);
        }
        assertEquals(asEntrypoint(expected), ran.javaArgs());
    }

    @Test
    void mergeGivesUpAtItsDeadlineNamingTheMissingSegment(@TempDir Path tmp) throws Exception {
        Path reports = tmp.resolve("reports");
        for (int i = 1; i <= 3; i++) {
            if (i != 2) {
                segmentDone(reports, "r", i);
            }
        }
        // A directory without segment.json is a segment still running.
        Files.createDirectories(reports.resolve("r/segment-2"));
        Ran ran = runScript("iobench-merge", Map.of("SHARES", "3", "RUN_NAME", "r", "MERGE_WAIT_S", "0"), tmp, reports);
        assertEquals(2, ran.exit(), ran.stderr());
        assertEquals(null, ran.javaArgs(), "merge did not start");
        assertTrue(ran.stderr().contains("segment-2") && !ran.stderr().contains("segment-1"), ran.stderr());
    }

    @Test
    void mergeWaitsForALateSegment(@TempDir Path tmp) throws Exception {
        Path reports = tmp.resolve("reports");
        segmentDone(reports, "r", 1);
        Thread late = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1_000);
                segmentDone(reports, "r", 2);
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        Ran ran = runScript("iobench-merge", Map.of("SHARES", "2", "RUN_NAME", "r", "MERGE_WAIT_S", "50"), tmp, reports);
        late.join();
        assertEquals(0, ran.exit(), ran.stderr());
        assertEquals(reports + "/r/segment-2", ran.javaArgs().getLast());
    }

    @Test
    void mergeRefusesAShareCountThatIsNoNumber(@TempDir Path tmp) throws Exception {
        for (String shares : List.of("", "0", "four")) {
            Map<String, String> env = new HashMap<>(Map.of("SHARES", shares, "MERGE_WAIT_S", "0"));
            Ran ran = runScript("iobench-merge", env, tmp, tmp.resolve("reports"));
            assertEquals(2, ran.exit(), "SHARES='" + shares + "': " + ran.stderr());
            assertTrue(ran.stderr().contains("SHARES"), ran.stderr());
        }
    }
}
