package iobench.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bin/iobench with the built jar: from the checkout, and installed by `make install` into a PREFIX. */
class LauncherIT {
    record Run(int exitCode, String output) {
    }

    static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command) + " did not end");
        return new Run(process.exitValue(), output);
    }

    @Test
    void theCheckoutsLauncherRunsTheBuiltJar() throws Exception {
        Run run = run(List.of("bin/iobench", "--version"));

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().matches("(?s)iobench \\d+\\.\\d+\\.\\d+\\R.*"), run.output());
    }

    @Test
    void makeInstallPutsTheLauncherJarAndCompletionInPrefixAndUninstallTakesThemAway(@TempDir Path prefix)
            throws Exception {
        // -o: the jar mvn verify has just built counts as up to date (make would otherwise run mvn package here).
        Run install = run(List.of("make", "-o", "target/iobench.jar", "install", "PREFIX=" + prefix));
        assertEquals(0, install.exitCode(), install.output());

        List<Path> installed = List.of(prefix.resolve("bin/iobench"), prefix.resolve("lib/iobench/iobench.jar"),
                prefix.resolve("lib/iobench/find-jdk.sh"), prefix.resolve("share/bash-completion/completions/iobench"),
                prefix.resolve("share/zsh/site-functions/_iobench"));
        installed.forEach(p -> assertTrue(Files.isRegularFile(p), p + " missing after make install"));
        Run version = run(List.of(prefix.resolve("bin/iobench").toString(), "--version"));
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("iobench "), version.output());
        Run completion = run(List.of("bash", "-c", "source \"$1\" && complete -p iobench", "bash",
                prefix.resolve("share/bash-completion/completions/iobench").toString()));
        assertEquals(0, completion.exitCode(), completion.output());
        assertTrue(completion.output().contains("-F _complete_iobench"), completion.output());

        Run uninstall = run(List.of("make", "uninstall", "PREFIX=" + prefix));
        assertEquals(0, uninstall.exitCode(), uninstall.output());
        try (Stream<Path> left = Files.walk(prefix)) {
            List<Path> files = left.filter(Files::isRegularFile).toList();
            assertFalse(files.stream().anyMatch(installed::contains), "left after make uninstall: " + files);
        }
    }
}
