package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code serve-* --port P} on a port something else holds, in a real JVM: the libraries log to
 * the process's stderr, which an in-process run of the CLI does not capture, and the user must
 * see exactly one line naming the address and the port, nothing before it.
 */
@Timeout(120)
class PortInUseTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sim", "sync", "virtual", "async"})
    void aTakenPortIsOneLineNamingAddressAndPortAndExitCode3(String role) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            String java = ProcessHandle.current().info().command().orElse("java");
            Process serve = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "iobench.Main",
                    "serve-" + role, "--port", Integer.toString(port)).start();
            CompletableFuture<String> out = read(serve.getInputStream());
            CompletableFuture<String> err = read(serve.getErrorStream());
            // Only a process that did not end is destroyed: destroying closes its streams, and a reader
            // not done yet (a busy machine) would then read "Stream closed" instead of the line.
            if (!serve.waitFor(60, TimeUnit.SECONDS)) {
                serve.destroyForcibly();
                throw new AssertionError("serve-" + role + " did not end within 60 s on a taken port");
            }

            List<String> errLines = err.get(10, TimeUnit.SECONDS).lines().filter(l -> !l.isBlank()).toList();
            assertAll(
                    () -> assertEquals(ExitCodes.CANNOT_RUN, serve.exitValue(), String.join("\n", errLines)),
                    () -> assertEquals(List.of("iobench: cannot start the " + role + " server: 127.0.0.1:" + port
                            + " is already in use; pick another --port or stop what holds it"), errLines),
                    () -> assertEquals("", out.get(10, TimeUnit.SECONDS), "nothing on stdout"));
        }
    }

    /** Reads to the end on a thread of its own (not the common pool, which a busy machine may not run at once). */
    private static CompletableFuture<String> read(InputStream stream) {
        CompletableFuture<String> text = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (stream) {
                text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                text.complete("unreadable: " + e);
            }
        });
        return text;
    }
}
