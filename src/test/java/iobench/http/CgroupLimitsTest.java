package iobench.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import iobench.server.ServerKind;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cgroup's CPU and memory limits as the kernel shows them, in the layouts containers and pods use. */
class CgroupLimitsTest {
    private static final long GIB = 1024L * 1024 * 1024;

    @TempDir
    Path root;

    private void files(Map<String, String> contents) throws IOException {
        for (Map.Entry<String, String> e : contents.entrySet()) {
            Path file = root.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue() + "\n");
        }
    }

    @Test
    void aV2ContainerSeesItsOwnLimitsAtTheRoot() throws IOException {
        files(Map.of("cgroup.controllers", "cpu memory", "cpu.max", "150000 100000", "memory.max", Long.toString(GIB)));

        CgroupLimits limits = CgroupLimits.read(root, "0::/\n");

        assertEquals(new CgroupLimits(1.5, GIB), limits);
        assertEquals("1.50 CPUs, 1.0 GiB memory", limits.describe());
    }

    @Test
    void aV2LimitSetAboveTheProcessCountsTheSmallestWins() throws IOException {
        files(Map.of("cgroup.controllers", "cpu memory",
                "kubepods/pod1/cpu.max", "200000 100000", "kubepods/pod1/memory.max", "max",
                "kubepods/pod1/c1/cpu.max", "max 100000", "kubepods/pod1/c1/memory.max", Long.toString(2 * GIB),
                "kubepods/memory.max", Long.toString(GIB)));

        CgroupLimits limits = CgroupLimits.read(root, "0::/kubepods/pod1/c1\n");

        assertEquals(new CgroupLimits(2.0, GIB), limits);
        assertEquals("2 CPUs, 1.0 GiB memory", limits.describe());
    }

    @Test
    void v1AndTheHybridLayoutReadTheCpuAndMemoryControllers() throws IOException {
        files(Map.of("cpu,cpuacct/cpu.cfs_quota_us", "100000", "cpu,cpuacct/cpu.cfs_period_us", "100000",
                "memory/docker/abc/memory.limit_in_bytes", Long.toString(512L * 1024 * 1024),
                "unified/cgroup.procs", ""));

        CgroupLimits limits = CgroupLimits.read(root, "4:memory:/docker/abc\n2:cpu,cpuacct:/docker/abc\n0::/docker/abc\n");

        assertEquals(new CgroupLimits(1.0, 512L * 1024 * 1024), limits);
        assertEquals("1 CPU, 0.5 GiB memory", limits.describe());
    }

    @Test
    void noQuotaAndAnUnlimitedMemoryAreNoLimits() throws IOException {
        files(Map.of("cpu/cpu.cfs_quota_us", "-1", "cpu/cpu.cfs_period_us", "100000",
                "memory/memory.limit_in_bytes", "9223372036854771712"));

        CgroupLimits limits = CgroupLimits.read(root, "3:cpu:/\n4:memory:/\n");

        assertFalse(limits.any());
        assertEquals(CgroupLimits.NONE, CgroupLimits.read(root.resolve("absent"), "garbage"));
    }

    @Test
    void theJsonOfHealthReadsBack() {
        ObjectNode json = Json.object();
        new CgroupLimits(0.5, null).writeTo(json);

        assertEquals(new CgroupLimits(0.5, null), CgroupLimits.fromJson(json));
        assertEquals("0.50 CPUs, no memory limit", CgroupLimits.fromJson(json).describe());
        assertEquals(CgroupLimits.NONE, CgroupLimits.fromJson(null));
    }

    /** Each server's /health says what its own cgroup allows it (bench copies that into the report). */
    @Test
    void everyServersHealthReportsThisProcesssLimits() {
        CgroupLimits own = CgroupLimits.ofThisProcess();
        Http http = new Http();
        try (RunningServer sim = SimServer.start(TestSettings.defaults(), 0)) {
            assertEquals(own, CgroupLimits.fromJson(health(http, sim)), "sim");
            for (ServerKind kind : ServerKind.values()) {
                try (RunningServer server = kind.start(TestSettings.calling(sim.baseUri()), 0)) {
                    JsonNode limits = health(http, server);
                    assertTrue(limits.has("cpus") && limits.has("memory_bytes"), kind + ": " + limits);
                    assertEquals(own, CgroupLimits.fromJson(limits), kind.role());
                }
            }
        }
    }

    private static JsonNode health(Http http, RunningServer server) {
        return http.get(server.baseUri(), "/health").json().path("cgroup_limits");
    }
}
