package iobench.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.http.Json;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Not a test: the per-call cost figures of docs/performance.md. Drives one server, running in a
 * JVM of its own, with the load generator's own client ({@link LoadClient}, answers parsed as
 * bench parses them): {@code clients} clients back to back, a warm-up, then the measured requests
 * of {@code /benchmark/io-test?delay=D&concurrent=1} (one downstream call each). Prints the
 * server's CPU and allocation per call from its {@code /stats} (its whole JVM: GC and JIT
 * included) and the generator's own (this JVM).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     iobench.bench.load.ServerCostProbe SERVER_URL [warmRequests measuredRequests clients delayMs]
 * </pre>
 */
public final class ServerCostProbe {
    private ServerCostProbe() {
    }

    public static void main(String[] args) throws Exception {
        URI server = URI.create(args[0]);
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int measured = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 40;
        long delayMs = args.length > 4 ? Long.parseLong(args[4]) : 25;
        try (LoadClient client = new LoadClient()) {
            run(client, server, warm, clients, delayMs);
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            JsonNode before = stats(client, server);
            long cpu0 = os.getProcessCpuTime();
            long alloc0 = threads.getTotalThreadAllocatedBytes();
            long wall0 = System.nanoTime();
            int failed = run(client, server, measured, clients, delayMs);
            long wallNs = System.nanoTime() - wall0;
            long genCpuNs = os.getProcessCpuTime() - cpu0;
            long genAlloc = threads.getTotalThreadAllocatedBytes() - alloc0;
            JsonNode after = stats(client, server);
            long serverCpuNs = after.get("process_cpu_ns").asLong() - before.get("process_cpu_ns").asLong();
            long serverAlloc = after.get("allocated_bytes").asLong() - before.get("allocated_bytes").asLong();
            System.out.printf("%s: %d requests, %d clients, delay %d ms: %.1f req/s, failed %d;"
                            + " server CPU %.1f us/call, %.2f KB/call; generator CPU %.1f us/call, %.2f KB/call%n",
                    server, measured, clients, delayMs, measured / (wallNs / 1e9), failed,
                    serverCpuNs / 1e3 / measured, serverAlloc / 1024.0 / measured,
                    genCpuNs / 1e3 / measured, genAlloc / 1024.0 / measured);
        }
    }

    private static JsonNode stats(LoadClient client, URI server) throws Exception {
        return Json.MAPPER.readTree(client.get(server.resolve("/stats"), Duration.ofSeconds(10)).body());
    }

    private static int run(LoadClient client, URI server, int requests, int clients, long delayMs) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        String delay = iobench.server.fanout.Downstream.delayParam(delayMs);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            running.add(client.threads().submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    HttpResult result = client.get(server.resolve("/benchmark/io-test?delay=" + delay
                            + "&concurrent=1&request_id=" + client.nextRequestId()), Duration.ofSeconds(10));
                    ServerAnswer answer = ServerAnswer.parse(result.body());
                    if (result.status() != 200 || answer == null || answer.failed() > 0) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        return failed.get();
    }
}
