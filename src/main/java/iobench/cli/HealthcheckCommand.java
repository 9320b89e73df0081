package iobench.cli;

import iobench.core.ExitCodes;
import iobench.core.ExitException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A health check for every {@code serve-*} command, whatever its port. The image itself uses
 * scripts/container-health.sh (bash, the same contract) so that no second JVM runs beside the
 * server; this command serves where bash is not at hand.
 *
 * <p>A {@code serve-*} command started with {@value #ENV} set writes the port it listens on into
 * that file ({@link #announce}). This command reads the port back and asks
 * {@code http://127.0.0.1:<port>/health}: exit 0 on 200, exit 1 otherwise. Where no server wrote
 * the file (the container runs {@code bench} or {@code check}), there is nothing to check: exit 0.
 */
@Command(name = "healthcheck", mixinStandardHelpOptions = true)
final class HealthcheckCommand implements Callable<Integer> {
    /** The environment variable that names the port file, for both sides. */
    static final String ENV = "IOBENCH_HEALTH_FILE";

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "FILE",
            description = "The port file (default: $" + ENV + ").")
    Path file;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "3",
            description = "Connect and read timeout (default ${DEFAULT-VALUE} s).")
    double timeoutS;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Path portFile = file != null ? file : fromEnv(System.getenv());
        if (portFile == null) {
            out.println("healthcheck: " + ENV + " is not set and no --file was given; no server to check");
            return ExitCodes.OK;
        }
        String text;
        try {
            text = Files.readString(portFile, StandardCharsets.UTF_8).trim();
        } catch (NoSuchFileException e) {
            out.println("healthcheck: no " + portFile + ", so no server runs here to check (bench or check); OK");
            return ExitCodes.OK;
        } catch (IOException e) {
            out.println("healthcheck: " + portFile + " cannot be read: " + e.getMessage());
            return ExitCodes.FAILED;
        }
        int port;
        try {
            port = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw ExitException.invalidInput(portFile + " holds '" + text + "'; expected a port number (1-65535)");
        }
        URI health = URI.create("http://127.0.0.1:" + port + "/health");
        int timeoutMs = (int) Math.max(1, Math.round(timeoutS * 1000));
        try {
            HttpURLConnection c = (HttpURLConnection) health.toURL().openConnection();
            c.setConnectTimeout(timeoutMs);
            c.setReadTimeout(timeoutMs);
            c.setUseCaches(false);
            try {
                int status = c.getResponseCode();
                if (status == 200) {
                    out.println("healthcheck: " + health + " answered 200");
                    return ExitCodes.OK;
                }
                out.println("healthcheck: " + health + " answered " + status + "; expected 200");
                return ExitCodes.FAILED;
            } finally {
                c.disconnect();
            }
        } catch (IOException e) {
            out.println("healthcheck: " + health + " did not answer: " + e);
            return ExitCodes.FAILED;
        }
    }

    static Path fromEnv(Map<String, String> env) {
        String value = env.get(ENV);
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }

    /**
     * Called by a {@code serve-*} command once its server listens: writes the real port to the file
     * named by {@value #ENV}, if set. Written to a temporary file first and then moved, so that a
     * health check never reads half a number.
     */
    static void announce(Map<String, String> env, int port) {
        Path target = fromEnv(env);
        if (target == null) {
            return;
        }
        try {
            writePort(target, port);
        } catch (IOException e) {
            throw new ExitException(ExitCodes.CANNOT_RUN, ENV + "=" + target + " cannot be written: " + e.getMessage());
        }
    }

    static void writePort(Path target, int port) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".iobench-port", ".tmp");
        try {
            Files.writeString(tmp, port + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
