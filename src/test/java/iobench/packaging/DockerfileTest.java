package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Dockerfile as the issue asks for it, read without a Docker engine. */
class DockerfileTest {
    record Instruction(String keyword, String args) {
    }

    record Stage(String from, String name, List<Instruction> instructions) {
        List<Instruction> all(String keyword) {
            return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
        }

        Instruction last(String keyword) {
            List<Instruction> found = all(keyword);
            return found.isEmpty() ? null : found.get(found.size() - 1);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static List<Stage> stages;

    @BeforeAll
    static void parse() throws IOException {
        stages = parse(Files.readString(Path.of("Dockerfile")));
    }

    /** Instructions by stage: comments dropped, continuation lines joined. */
    static List<Stage> parse(String text) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("#") || (trimmed.isEmpty() && current.isEmpty())) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String full = current.toString().strip();
            current.setLength(0);
            if (full.isEmpty()) {
                continue;
            }
            String[] parts = full.split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].strip() : ""));
        }
        List<Stage> result = new ArrayList<>();
        for (Instruction i : instructions) {
            if (i.keyword().equals("FROM")) {
                String[] words = i.args().split("\\s+");
                String name = words.length >= 3 && words[1].equalsIgnoreCase("AS") ? words[2] : null;
                result.add(new Stage(words[0], name, new ArrayList<>()));
            } else {
                assertFalse(result.isEmpty(), "an instruction before the first FROM: " + i);
                result.get(result.size() - 1).instructions().add(i);
            }
        }
        return result;
    }

    static List<String> execForm(Instruction i) throws IOException {
        assertNotNull(i);
        assertTrue(i.args().startsWith("["), i.keyword() + " should use the exec (JSON array) form: " + i.args());
        return Arrays.asList(JSON.readValue(i.args(), String[].class));
    }

    static Stage finalStage() {
        return stages.get(stages.size() - 1);
    }

    static List<String> makefileJvmFlags() throws IOException {
        Matcher m = Pattern.compile("(?m)^JVM_FLAGS\\s*\\?=\\s*(.*)$").matcher(Files.readString(Path.of("Makefile")));
        assertTrue(m.find(), "Makefile has no 'JVM_FLAGS ?= ...' line");
        return Arrays.asList(m.group(1).strip().split("\\s+"));
    }

    @Test
    void twoStagesJdkBuildsWithTheWrapperAndJreRuns() {
        assertEquals(2, stages.size(), "stages: " + stages);
        Stage build = stages.get(0);
        assertEquals("build", build.name(), "the first stage is named: FROM ... AS build");
        assertTrue(build.from().startsWith("eclipse-temurin:21-jdk"), build.from());
        assertTrue(build.all("RUN").stream().anyMatch(r -> r.args().contains("./mvnw")
                        && r.args().contains("package") && r.args().contains("-DskipTests")),
                "the build stage runs ./mvnw ... package -DskipTests");
        assertTrue(finalStage().from().startsWith("eclipse-temurin:21-jre"), finalStage().from());
    }

    @Test
    void finalStageRunsAsANonRootUser() {
        Instruction user = finalStage().last("USER");
        assertNotNull(user, "the final stage sets USER");
        String name = user.args().split(":")[0].strip();
        assertFalse(name.equals("root") || name.equals("0"), "USER " + user.args());
    }

    @Test
    void entrypointRunsTheCopiedJarWithTheMakefilesJvmFlags() throws IOException {
        List<String> entrypoint = execForm(finalStage().last("ENTRYPOINT"));
        assertEquals("java", entrypoint.get(0));
        int jarAt = entrypoint.indexOf("-jar");
        assertTrue(jarAt > 0 && jarAt == entrypoint.size() - 2, "ENTRYPOINT ends with -jar JAR: " + entrypoint);
        String jar = entrypoint.get(jarAt + 1);
        assertTrue(finalStage().all("COPY").stream().anyMatch(c -> c.args().startsWith("--from=build")
                        && c.args().contains("target/iobench.jar") && c.args().strip().endsWith(" " + jar)),
                "the final stage COPYs --from=build target/iobench.jar to " + jar);
        assertEquals(makefileJvmFlags(), entrypoint.subList(1, jarAt), "ENTRYPOINT flags vs the Makefile's JVM_FLAGS");
    }

    @Test
    void defaultCommandIsBenchWritingToTheReportsVolume() throws IOException {
        Stage run = finalStage();
        List<String> cmd = execForm(run.last("CMD"));
        assertEquals("bench", cmd.get(0));
        assertTrue(run.all("VOLUME").stream().anyMatch(v -> v.args().contains("/reports")), "VOLUME /reports");
        int out = cmd.indexOf("--out");
        if (out >= 0) {
            assertTrue(cmd.get(out + 1).startsWith("/reports/"), "--out goes to the volume: " + cmd);
        } else {
            // bench's default is reports/<timestamp> in the working directory: it must be the volume.
            Instruction workdir = run.last("WORKDIR");
            assertNotNull(workdir, "a WORKDIR for bench's default reports/ directory");
            Path reports = Path.of(workdir.args()).resolve("reports").normalize();
            boolean isVolume = reports.equals(Path.of("/reports"));
            boolean linked = run.all("RUN").stream()
                    .anyMatch(r -> r.args().matches(".*ln -s /reports " + Pattern.quote(reports.toString()) + "(\\s.*|$)"));
            assertTrue(isVolume || linked, reports + " is neither /reports nor a link to it");
        }
    }

    @Test
    void healthcheckRunsTheBashScriptWithTheHealthFileAndNoJvm() throws IOException {
        Stage run = finalStage();
        assertTrue(run.all("ENV").stream().anyMatch(e -> e.args().startsWith("IOBENCH_HEALTH_FILE=")),
                "ENV IOBENCH_HEALTH_FILE=...");
        Instruction health = run.last("HEALTHCHECK");
        assertNotNull(health, "a HEALTHCHECK");
        int cmdAt = health.args().indexOf("CMD ");
        assertTrue(cmdAt >= 0, health.args());
        List<String> cmd = JSON.readValue(health.args().substring(cmdAt + 4).strip(), new com.fasterxml.jackson.core.type.TypeReference<>() {
        });
        assertEquals(List.of("/bin/bash", "/app/healthcheck.sh"), cmd, "HEALTHCHECK");
        assertTrue(run.all("COPY").stream().anyMatch(c -> c.args().equals("scripts/container-health.sh /app/healthcheck.sh")),
                "the final stage COPYs scripts/container-health.sh to /app/healthcheck.sh");
    }

    /** Maven and the dependencies in a layer of their own, which a change under src/ or config/ leaves as it is. */
    @Test
    void theDependenciesAreFetchedBeforeTheSourcesAreCopied() {
        List<Instruction> build = stages.get(0).instructions();
        int goOffline = -1;
        for (int i = 0; i < build.size(); i++) {
            if (build.get(i).keyword().equals("RUN") && build.get(i).args().contains("dependency:go-offline")) {
                goOffline = i;
            }
        }
        assertTrue(goOffline > 0, "the build stage runs ./mvnw dependency:go-offline");
        for (int i = 0; i < goOffline; i++) {
            Instruction before = build.get(i);
            if (before.keyword().equals("COPY")) {
                String[] words = before.args().split("\\s+");
                for (String source : Arrays.asList(words).subList(0, words.length - 1)) {
                    assertTrue(List.of("mvnw", "pom.xml", ".mvn").contains(source), "copied before go-offline: " + source);
                }
            }
        }
        assertTrue(build.subList(goOffline, build.size()).stream()
                .anyMatch(i -> i.keyword().equals("COPY") && i.args().startsWith("src ")), "COPY src after go-offline");
    }

    @Test
    void dockerignoreKeepsBuildOutputAndReportsOut() throws IOException {
        List<String> lines = Files.readAllLines(Path.of(".dockerignore")).stream().map(String::strip).toList();
        for (String must : List.of("target/", "reports/", ".git")) {
            assertTrue(lines.contains(must), ".dockerignore lacks " + must);
        }
        for (String needed : List.of("src", "pom.xml", "mvnw", ".mvn", "config", "scenarios.yaml", "scripts")) {
            assertFalse(lines.contains(needed) || lines.contains(needed + "/"), ".dockerignore drops what the build needs: " + needed);
        }
    }
}
