package iobench.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CPU and memory limits of this process's cgroup (a container's {@code cpus:} and
 * {@code mem_limit}, a pod's limits), read from the kernel's files rather than from what a
 * compose file or manifest says: each server reports them on /health, and bench writes them into
 * the report. Null where no limit is set or the files are not there (not Linux).
 *
 * @param cpus        the CPU quota in CPUs (1.5 for 150 ms per 100 ms), or null
 * @param memoryBytes the memory limit, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CgroupLimits(Double cpus, @JsonProperty("memory_bytes") Long memoryBytes) {
    public static final CgroupLimits NONE = new CgroupLimits(null, null);
    /** cgroup v1 writes "no limit" as a huge number (page-rounded Long.MAX_VALUE). */
    private static final long V1_UNLIMITED = 1L << 60;

    public boolean any() {
        return cpus != null || memoryBytes != null;
    }

    /** "1 CPU, 1.0 GiB memory", "1.5 CPUs, no memory limit". */
    public String describe() {
        String cpu = cpus == null ? "no CPU limit"
                : (cpus == Math.rint(cpus) ? Long.toString(cpus.longValue()) : String.format(Locale.ROOT, "%.2f", cpus))
                        + (cpus == 1.0 ? " CPU" : " CPUs");
        String memory = memoryBytes == null ? "no memory limit"
                : String.format(Locale.ROOT, "%.1f GiB memory", memoryBytes / (1024.0 * 1024 * 1024));
        return cpu + ", " + memory;
    }

    public void writeTo(ObjectNode json) {
        if (cpus == null) {
            json.putNull("cpus");
        } else {
            json.put("cpus", cpus);
        }
        if (memoryBytes == null) {
            json.putNull("memory_bytes");
        } else {
            json.put("memory_bytes", memoryBytes);
        }
    }

    /** What a server's /health reported under {@code cgroup_limits}; NONE when it reported nothing. */
    public static CgroupLimits fromJson(JsonNode json) {
        if (json == null || !json.isObject()) {
            return NONE;
        }
        try {
            return Json.MAPPER.treeToValue(json, CgroupLimits.class);
        } catch (JacksonException | IllegalArgumentException e) {
            return NONE;
        }
    }

    /** This process's limits. */
    public static CgroupLimits ofThisProcess() {
        String self;
        try {
            self = Files.readString(Path.of("/proc/self/cgroup"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
        return read(Path.of("/sys/fs/cgroup"), self);
    }

    /**
     * The limits under cgroup root {@code root}, for a process whose /proc/self/cgroup reads
     * {@code self}. A container usually sees its own cgroup at the root; elsewhere the process's
     * cgroup path leads to it, and a limit set higher up (a pod, a systemd slice) counts too.
     */
    static CgroupLimits read(Path root, String self) {
        // Only a pure v2 mount has cgroup.controllers at its root; in the hybrid layout the "0::"
        // line names an empty v2 tree and the limits live in the v1 controllers.
        if (Files.exists(root.resolve("cgroup.controllers"))) {
            for (String line : self.split("\n")) {
                String[] parts = line.split(":", 3);
                if (parts.length == 3 && parts[0].equals("0") && parts[1].isEmpty()) {
                    return v2(root, parts[2].strip());
                }
            }
            return NONE;
        }
        Double cpus = null;
        Long memory = null;
        for (String line : self.split("\n")) {
            String[] parts = line.split(":", 3);
            if (parts.length < 3) {
                continue;
            }
            List<String> controllers = List.of(parts[1].split(","));
            if (controllers.contains("cpu")) {
                cpus = min(cpus, v1Cpus(v1Dir(root.resolve(parts[1]), parts[2].strip())));
            }
            if (controllers.contains("memory")) {
                Long limit = number(v1Dir(root.resolve("memory"), parts[2].strip()).resolve("memory.limit_in_bytes"));
                memory = limit == null || limit >= V1_UNLIMITED ? memory : limit;
            }
        }
        return new CgroupLimits(cpus, memory);
    }

    private static CgroupLimits v2(Path root, String path) {
        Double cpus = null;
        Long memory = null;
        for (Path dir : upToRoot(root, path)) {
            String max = text(dir.resolve("cpu.max"));
            if (max != null) {
                String[] quota = max.split("\\s+");
                if (quota.length == 2 && !quota[0].equals("max")) {
                    cpus = min(cpus, Double.parseDouble(quota[0]) / Double.parseDouble(quota[1]));
                }
            }
            String mem = text(dir.resolve("memory.max"));
            if (mem != null && !mem.equals("max")) {
                long limit = Long.parseLong(mem);
                memory = memory == null ? limit : Math.min(memory, limit);
            }
        }
        return new CgroupLimits(cpus, memory);
    }

    /** The process's own directory and each above it; only the root when the path is not there (a container's view). */
    private static List<Path> upToRoot(Path root, String path) {
        List<Path> dirs = new ArrayList<>();
        Path dir = root.resolve(path.replaceFirst("^/", ""));
        if (!Files.isDirectory(dir)) {
            dir = root;
        }
        for (; dir != null && dir.startsWith(root); dir = dir.getParent()) {
            dirs.add(dir);
        }
        return dirs;
    }

    private static Path v1Dir(Path controllerRoot, String path) {
        Path dir = controllerRoot.resolve(path.replaceFirst("^/", ""));
        return Files.isDirectory(dir) ? dir : controllerRoot;
    }

    private static Double v1Cpus(Path dir) {
        Long quota = number(dir.resolve("cpu.cfs_quota_us"));
        Long period = number(dir.resolve("cpu.cfs_period_us"));
        return quota == null || period == null || quota <= 0 || period <= 0 ? null : (double) quota / period;
    }

    private static Double min(Double a, Double b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Math.min(a, b);
    }

    private static Long number(Path file) {
        String text = text(file);
        try {
            return text == null ? null : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String text(Path file) {
        try {
            return Files.isReadable(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
