package iobench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsLoaderTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownKeyInTheFileIsNamedInTheMessage() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.yaml"), "sync-threads: 4\nsync-thread: 5\n");

        var e = assertThrows(SettingsLoader.SettingsException.class, () -> SettingsLoader.load(file, Map.of(), Map.of()));

        assertTrue(e.getMessage().contains("'sync-thread'"), e.getMessage());
    }

    @Test
    void environmentOverridesTheFileAndAnOptionOverridesTheEnvironment() throws IOException {
        Path file = Files.writeString(dir.resolve("iobench.yaml"), "sim-url: http://127.0.0.1:9001\nsync-threads: 3\n");
        Map<String, String> env = Map.of("IOBENCH_SIM_URL", "http://127.0.0.1:9002");

        ServerSettings fromFile = SettingsLoader.load(file, Map.of(), Map.of());
        ServerSettings fromEnv = SettingsLoader.load(file, env, Map.of());
        ServerSettings fromOption = SettingsLoader.load(file, env, Map.of("sim-url", "http://127.0.0.1:9003"));

        assertEquals(URI.create("http://127.0.0.1:9001"), fromFile.simUrl());
        assertEquals(URI.create("http://127.0.0.1:9002"), fromEnv.simUrl());
        assertEquals(URI.create("http://127.0.0.1:9003"), fromOption.simUrl());
        assertEquals(3, fromOption.syncThreads(), "a key the later layers leave alone keeps the file's value");
    }
}
