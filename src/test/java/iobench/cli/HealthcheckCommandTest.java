package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.http.RunningServer;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthcheckCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    }

    @Test
    void healthyServerThenStoppedServer() throws IOException {
        Path file = dir.resolve("iobench.port");
        RunningServer sim = SimServer.start(TestSettings.defaults(), 0);
        try {
            HealthcheckCommand.announce(Map.of(HealthcheckCommand.ENV, file.toString()), sim.port());
            assertEquals(sim.port() + "\n", Files.readString(file));
            assertEquals(0, run("healthcheck", "--file", file.toString()), out + " / " + err);
            assertTrue(out.toString().contains("answered 200"), out.toString());
        } finally {
            sim.close();
        }
        assertEquals(1, run("healthcheck", "--file", file.toString(), "--timeout", "2"), out + " / " + err);
        assertTrue(out.toString().contains("did not answer"), out.toString());
    }

    @Test
    void noPortFileMeansNoServerToCheck() {
        Path file = dir.resolve("absent.port");
        assertEquals(0, run("healthcheck", "--file", file.toString()), out + " / " + err);
        assertTrue(out.toString().contains("no server"), out.toString());
    }

    @Test
    void aPortFileWithoutAPortIsInvalidInput() throws IOException {
        Path file = dir.resolve("bad.port");
        Files.writeString(file, "eighty\n");
        assertEquals(2, run("healthcheck", "--file", file.toString()));
        assertTrue(err.toString().contains("expected a port number"), err.toString());
    }

    @Test
    void announceWithoutTheVariableWritesNothing() throws IOException {
        HealthcheckCommand.announce(Map.of(), 8001);
        assertNull(HealthcheckCommand.fromEnv(Map.of(HealthcheckCommand.ENV, "  ")));
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void announceReplacesAnOldPort() throws IOException {
        Path file = dir.resolve("iobench.port");
        HealthcheckCommand.writePort(file, 8001);
        HealthcheckCommand.writePort(file, 8004);
        assertEquals("8004\n", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }
}
