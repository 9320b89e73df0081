package iobench.server.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import io.netty.channel.nio.NioEventLoopGroup;
import iobench.http.RunningServer;
import iobench.server.fanout.CallOutcome;
import iobench.sim.SimServer;
import iobench.testing.TestSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The async server's downstream client on the server's own event loops, against a real sim: a call
 * started on a loop is answered on that loop (nothing is handed to another thread), and a stop
 * closes its connections without stopping loops that are not its own.
 */
class SharedLoopsTest {
    private static RunningServer sim;
    private static NioEventLoopGroup loops;
    private static DownstreamClient client;

    @BeforeAll
    static void start() {
        sim = SimServer.start(TestSettings.defaults(), 0);
        loops = NamedNioTransport.workers(2);
        client = new DownstreamClient(sim.baseUri(), loops, 15_000);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        if (loops != null) {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void aCallStartedOnALoopIsAnsweredOnThatLoop() throws Exception {
        List<CompletableFuture<String>> answeredOn = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            // Rounds after the first reuse the pooled connections of each loop.
            answeredOn.clear();
            for (var executor : loops) {
                EventLoop loop = (EventLoop) executor;
                for (int i = 0; i < 4; i++) {
                    int index = i;
                    CompletableFuture<String> thread = new CompletableFuture<>();
                    loop.execute(() -> client.call(index, client.slowIoTarget("0.010", "t-" + index), Duration.ofSeconds(5))
                            .thenAccept(outcome -> thread.complete(describe(outcome) + " on "
                                    + Thread.currentThread().getName() + ", started on "
                                    + (loop.inEventLoop() ? "the same loop" : "another loop"))));
                    answeredOn.add(thread);
                }
            }
            for (CompletableFuture<String> thread : answeredOn) {
                String what = thread.get(10, TimeUnit.SECONDS);
                assertTrue(what.startsWith("200 on async-server-") && what.endsWith("started on the same loop"), what);
            }
        }
    }

    @Test
    void aCallFromAnotherThreadStillRuns() throws Exception {
        CallOutcome outcome = client.call(0, client.slowIoTarget("0.005", "off-loop"), Duration.ofSeconds(5))
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, outcome.status(), describe(outcome));
    }

    private static String describe(CallOutcome outcome) {
        return outcome.status() > 0 ? Integer.toString(outcome.status()) : "failed: " + outcome;
    }
}
