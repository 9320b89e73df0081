package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands check their input and hand the run to iobench.run, which never reaches back: a
 * plan goes cli, run, analysis, formats. Read from the sources, so that a command that starts to
 * run things itself again fails here by name.
 */
class CommandsStayThinTest {
    private static final Path MAIN = Path.of("src/main/java/iobench");
    /** The runner and the servers it drives live in iobench.bench itself (its subpackages are values and loads). */
    private static final Pattern RUNNER_OR_SERVERS = Pattern.compile(
            "import iobench\\.bench\\.[A-Z]|new (BenchRunner|EmbeddedServers|ChildServers)\\(");

    private static List<Path> sources(String pkg) throws IOException {
        try (Stream<Path> files = Files.list(MAIN.resolve(pkg))) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    @Test
    void noCommandStartsTheRunnerOrTheServers() throws IOException {
        List<Path> cli = sources("cli");
        assertTrue(cli.size() > 10, "the cli sources were not found from " + Path.of("").toAbsolutePath());
        for (Path file : cli) {
            assertTrue(!RUNNER_OR_SERVERS.matcher(read(file)).find(), file + " reaches the runner or the servers");
        }
    }

    @Test
    void theRunNeverReachesBackIntoTheCommands() throws IOException {
        for (Path file : sources("run")) {
            assertTrue(!read(file).contains("import iobench.cli."), file + " imports from iobench.cli");
        }
    }

    @Test
    void benchMergeAndCheckAreAScreenEach() throws IOException {
        List<String> longer = Stream.of("BenchCommand", "MergeCommand", "CheckCommand")
                .filter(name -> lines(MAIN.resolve("cli").resolve(name + ".java")) > 120).toList();
        assertEquals(List.of(), longer, "commands over 120 lines");
    }

    private static long lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).size();
        } catch (IOException e) {
            throw new IllegalStateException(file + " cannot be read", e);
        }
    }
}
