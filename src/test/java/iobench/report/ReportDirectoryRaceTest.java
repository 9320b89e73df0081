package iobench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * N segment generators check RUN/segment-I at once, none finding RUN: each must pass, and none may
 * leave a directory behind. (Checks that made the missing directories and removed them again
 * removed each other's RUN, and a segment's mkdir then failed; the check now makes nothing.)
 */
class ReportDirectoryRaceTest {
    @Test
    @Timeout(60)
    void generatorsCheckingSiblingDirectoriesAtOnceAllPass(@TempDir Path dir) throws Exception {
        int n = 8;
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            for (int round = 0; round < 200; round++) {
                Path run = dir.resolve("run-" + round);
                CyclicBarrier together = new CyclicBarrier(n);
                List<Future<String>> checks = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Path segment = run.resolve("segment-" + i);
                    checks.add(threads.submit(() -> {
                        together.await();
                        try {
                            ReportDirectory.check(segment);
                            return "ok";
                        } catch (ReportDirectory.NotWritableException e) {
                            return e.getMessage();
                        }
                    }));
                }
                for (Future<String> f : checks) {
                    assertEquals("ok", f.get(), "round " + round);
                }
                for (int i = 1; i <= n; i++) {
                    assertFalse(Files.exists(run.resolve("segment-" + i)), "a checked segment directory is removed");
                }
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
