package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.ExitCodes;
import iobench.testing.Eventually;
import iobench.testing.Threads;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CliTest {

    /** What one run of the CLI printed and returned. */
    private record Run(int exitCode, String out, String err) {
        List<String> errLines() {
            return err.lines().filter(l -> !l.isBlank()).toList();
        }

        void assertOneErrorLineWithoutStackTrace() {
            List<String> lines = errLines();
            assertEquals(1, lines.size(), "expected one line on err, got: " + err);
            assertFalse(err.contains("Exception") || err.contains("\tat ") || err.lines().anyMatch(l -> l.trim().startsWith("at ")),
                    "stack trace on err: " + err);
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryServeCommandWithADescription() {
        Run run = run("--help");

        assertEquals(0, run.exitCode(), run.err());
        for (String command : List.of("serve-sim", "serve-sync", "serve-virtual")) {
            assertTrue(run.out().lines().anyMatch(l -> l.trim().startsWith(command + " ")
                            && l.trim().substring(command.length()).trim().length() > 10),
                    command + " without a description line in:\n" + run.out());
        }
    }

    @Test
    void versionPrintsTheProgramName() {
        Run run = run("--version");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("iobench "), run.out());
    }

    @Test
    void everyCommandPrintsTheVersion() {
        for (String command : Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().keySet()) {
            Run run = run(command, "--version");

            assertEquals(0, run.exitCode(), command + ": " + run.err());
            assertTrue(run.out().startsWith("iobench "), command + ": " + run.out());
        }
    }

    /** The serve-* commands are built from a table: each takes its own server's options and no other's. */
    @Test
    void eachServeCommandTakesItsServersOptionsOnly() {
        record Takes(String command, List<String> options, List<String> notOptions) { }
        List<Takes> expected = List.of(
                new Takes("serve-sim", List.of("--gate-timeout", "--blocking-threads", "--port", "--max-delay"),
                        List.of("--sim-url", "--threads", "--event-loops")),
                new Takes("serve-sync", List.of("--sim-url", "--max-concurrent", "--threads", "--fanout-threads"),
                        List.of("--gate-timeout", "--event-loops")),
                new Takes("serve-async", List.of("--sim-url", "--max-concurrent", "--event-loops"),
                        List.of("--threads", "--gate-timeout")),
                new Takes("serve-virtual", List.of("--sim-url", "--max-concurrent", "--host"),
                        List.of("--threads", "--event-loops", "--gate-timeout")));
        for (Takes takes : expected) {
            Run help = run(takes.command(), "--help");
            assertEquals(0, help.exitCode(), help.err());
            for (String option : takes.options()) {
                assertTrue(help.out().contains(option + "="), takes.command() + " lacks " + option + ":\n" + help.out());
            }
            for (String option : takes.notOptions()) {
                Run refused = run(takes.command(), option, "1");
                assertEquals(ExitCodes.INVALID_INPUT, refused.exitCode(), takes.command() + " " + option);
                assertTrue(refused.err().contains("Unknown option") && refused.err().contains(option), refused.err());
            }
        }
    }

    @Test
    void anUnknownOptionIsOneLineNamingItAndExitCode2() {
        Run run = run("--bogus");

        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
        run.assertOneErrorLineWithoutStackTrace();
        assertTrue(run.err().contains("--bogus"), run.err());
    }

    @Test
    void aThreadCountThatIsNotANumberIsOneLineQuotingIt() {
        Run run = run("serve-sync", "--threads", "abc");

        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
        run.assertOneErrorLineWithoutStackTrace();
        assertTrue(run.err().contains("abc"), run.err());
    }

    @Test
    void aThreadCountOfZeroIsRefusedBySettingsValidation() {
        Run run = run("serve-sync", "--threads", "0");

        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
        run.assertOneErrorLineWithoutStackTrace();
        assertTrue(run.err().contains("sync-threads"), run.err());
    }

    @Test
    void aMissingConfigFileIsOneLineAndExitCode2() {
        Run run = run("serve-sim", "--config", "/nonexistent.yaml");

        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode());
        run.assertOneErrorLineWithoutStackTrace();
        assertTrue(run.err().contains("/nonexistent.yaml"), run.err());
    }

    @Test
    void aPortInUseIsOneLinePointingToThePortOptionAndExitCode3() throws Exception {
        Set<Thread> before = Threads.live();
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Run run = run("serve-sim", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()));

            assertAll(
                    () -> assertEquals(ExitCodes.CANNOT_RUN, run.exitCode(), run.err()),
                    run::assertOneErrorLineWithoutStackTrace,
                    () -> assertTrue(run.err().contains("--port"), run.err()),
                    () -> assertTrue(run.err().contains("127.0.0.1:" + taken.getLocalPort() + " is already in use"),
                            run.err()));
        }
        // A server that failed to start keeps none of its threads.
        Eventually.await(Duration.ofSeconds(5), () -> Threads.startedSince(before, "sim-").isEmpty(),
                () -> "still alive: " + Threads.names(Threads.startedSince(before, "sim-")));
    }
}
