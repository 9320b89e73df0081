package iobench.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code iobench bench} with bad input: exit code 2, one line on stderr, nothing started or written. */
class BenchCommandValidationTest {
    @TempDir
    Path dir;

    private record Outcome(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private static Outcome bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
        return new Outcome(code, out.toString(), err.toString());
    }

    private static void assertOneLineOfInvalidInput(Outcome outcome) {
        assertEquals(2, outcome.exitCode(), () -> "exit code; stderr was: " + outcome.err());
        assertEquals(1, outcome.errLines().size(), () -> "exactly one line on stderr, was: " + outcome.err());
        String line = outcome.errLines().get(0);
        assertTrue(line.startsWith("iobench: "), line);
        assertFalse(outcome.err().contains("\tat "), "no stack trace");
        assertFalse(outcome.err().contains("Exception"), "no exception class name: " + line);
        assertEquals("", outcome.out(), "nothing on stdout");
    }

    @Test
    void aScenarioFileWithABadValueEndsWithExitCode2AndOneLocatedLineAndNoReportDirectory() throws IOException {
        Path scenarios = dir.resolve("bad.yaml");
        Files.writeString(scenarios, """
                defaults:
                  repetitions: 1
                scenarios:
                  - {name: a, kind: fan-out, delay: 0.01, concurrent: abc}
                """, StandardCharsets.UTF_8);
        Path out = dir.resolve("report");

        Outcome outcome = bench("--scenarios", scenarios.toString(), "--out", out.toString());

        assertOneLineOfInvalidInput(outcome);
        String line = outcome.errLines().get(0);
        // "  - {name: a, kind: fan-out, delay: 0.01, concurrent: " is 54 characters: 'abc' is at column 55.
        assertTrue(line.contains(scenarios + ":4:55: scenarios[0].concurrent: 'abc' is not allowed"), line);
        assertFalse(Files.exists(out), "the --out directory must not be created for bad input");
    }

    @Test
    void aScenarioFileThatIsNotYamlEndsWithExitCode2AndItsLine() throws IOException {
        Path scenarios = dir.resolve("tabs.yaml");
        Files.writeString(scenarios, "scenarios:\n\t- {name: a, kind: fan-out, delay: 0.01, concurrent: 1}\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("report");

        Outcome outcome = bench("--scenarios", scenarios.toString(), "--out", out.toString());

        assertOneLineOfInvalidInput(outcome);
        String line = outcome.errLines().get(0);
        assertTrue(line.startsWith("iobench: " + scenarios + ":2:"), line);
        assertTrue(line.contains("not valid YAML"), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void aScenarioFileThatDoesNotExistEndsWithExitCode2AndNamesIt() {
        Path missing = dir.resolve("no-such.yaml");
        Path out = dir.resolve("report");

        Outcome outcome = bench("--scenarios", missing.toString(), "--out", out.toString());

        assertOneLineOfInvalidInput(outcome);
        String line = outcome.errLines().get(0);
        assertTrue(line.contains("--scenarios " + missing + " cannot be read"), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void aServerUrlThatIsNotHttpEndsWithExitCode2BeforeAnythingStarts() {
        Path out = dir.resolve("report");

        // The default ./scenarios.yaml is read and valid; the URL is what is wrong.
        Outcome outcome = bench("--sync-url", "ftp://x", "--out", out.toString());

        assertOneLineOfInvalidInput(outcome);
        String line = outcome.errLines().get(0);
        assertTrue(line.contains("--sync-url ftp://x is not usable; expected http://HOST:PORT"), line);
        assertFalse(Files.exists(out));
    }

    @Test
    void anOutPathThatIsAFileEndsWithExitCode2() throws IOException {
        Path scenarios = dir.resolve("ok.yaml");
        Files.writeString(scenarios, "scenarios:\n  - {name: a, kind: fan-out, delay: 0.01, concurrent: 1}\n");
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        Outcome outcome = bench("--scenarios", scenarios.toString(), "--out", file.toString());

        assertOneLineOfInvalidInput(outcome);
        assertTrue(outcome.errLines().get(0).contains("is a file; expected a directory"), outcome.err());
        assertEquals("x", Files.readString(file));
    }

    /** A run that would take at least 60 s (3 calls of 20 s one after another): a quick refusal ran nothing. */
    private Path longScenarios() throws IOException {
        return Files.writeString(dir.resolve("long.yaml"), """
                defaults: {repetitions: 1, warmup: 0, servers: [sync]}
                scenarios:
                  - {name: long, kind: fan-out, delay: 20, concurrent: 3}
                """);
    }

    @Test
    void anOutDirectoryThatCannotBeMadeEndsWithExitCode2AndTheFixBeforeAnyServerStarts() throws IOException {
        // Tests run as root, which may write anywhere a mode allows; a file in the way stops even root.
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path out = file.resolve("reports");
        Path scenarios = longScenarios();

        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> bench("--scenarios", scenarios.toString(), "--out", out.toString()));

        assertOneLineOfInvalidInput(outcome);
        String line = outcome.errLines().get(0);
        assertTrue(line.startsWith("iobench: cannot write the report to " + out + ": " + file
                + " is a file, not a directory; "), line);
        assertTrue(line.contains("--out") && line.contains("--user \"$(id -u):$(id -g)\""), line);
        assertEquals("x", Files.readString(file));
    }

    @Test
    void anOutDirectoryUnderProcEndsWithExitCode2() throws IOException {
        Path out = Path.of("/proc/iobench-report-test/reports");
        Path scenarios = longScenarios();

        Outcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> bench("--scenarios", scenarios.toString(), "--out", out.toString()));

        assertOneLineOfInvalidInput(outcome);
        assertTrue(outcome.errLines().get(0).startsWith("iobench: cannot write the report to " + out + ": "),
                outcome.err());
        // The directory that cannot be written is named, not the probe file's random name.
        assertFalse(outcome.errLines().get(0).contains(".iobench-probe-"), outcome.err());
    }

    @Test
    void theWriteCheckLeavesNoDirectoryBehindWhenTheRunStopsBeforeItsReport() throws IOException {
        Path out = dir.resolve("new/nested/report");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String nobody = "http://127.0.0.1:" + closedPort;

        // Every server external and not there: the health check fails after the directory was checked.
        Outcome outcome = bench("--scenarios", longScenarios().toString(), "--out", out.toString(),
                "--sim-url", nobody, "--sync-url", nobody);

        assertEquals(3, outcome.exitCode(), outcome.err());
        assertFalse(Files.exists(dir.resolve("new")), "the check's directories are gone again");
    }
}
