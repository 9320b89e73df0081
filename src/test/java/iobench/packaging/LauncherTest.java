package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/iobench without the jar: what it passes to java, and what it says when it has nothing to run. */
class LauncherTest {
    static final Path LAUNCHER = Path.of("bin", "iobench");

    @Test
    void theLauncherPassesTheMakefilesJvmFlags() throws Exception {
        Matcher exec = Pattern.compile("(?m)^exec \"\\$java_home/bin/java\" (.*?) -jar \"\\$jar\" \"\\$@\"$")
                .matcher(Files.readString(LAUNCHER, StandardCharsets.UTF_8));

        assertTrue(exec.find(), "bin/iobench has no exec line of the expected form");
        assertEquals(DockerfileTest.makefileJvmFlags(), Arrays.asList(exec.group(1).strip().split("\\s+")),
                "bin/iobench's flags vs the Makefile's JVM_FLAGS");
    }

    @Test
    void aCheckoutWithoutTheJarSaysHowToBuildItInOneLine(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path launcher = Files.copy(LAUNCHER, bin.resolve("iobench"));
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));

        Process process = new ProcessBuilder("bash", launcher.toString(), "--version").redirectErrorStream(true).start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertEquals(3, process.exitValue(), output);
        List<String> lines = output.lines().toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).startsWith("iobench: no jar at " + dir.toRealPath().resolve("target/iobench.jar")), output);
        assertTrue(lines.get(0).endsWith("make -C " + dir.toRealPath() + " build"), output);
    }
}
