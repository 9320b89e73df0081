package iobench.server.sync;

import iobench.config.ServerSettings;
import iobench.server.downstream.DownstreamClient;
import iobench.server.fanout.CallOutcome;
import iobench.server.fanout.Downstream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Downstream calls the way blocking code makes them: the request's thread makes each call and
 * waits for its answer, one after another ({@code sequential}), or hands them to a pool whose
 * threads each wait for one ({@code parallel}). The thread is held for the whole call, as a
 * blocking socket read would hold it; the bytes move on the client's own event loop
 * ({@link DownstreamClient}, the async server's client: docs/performance.md section 1 measured
 * it against OkHttp's blocking calls, about 2 KB allocated per call instead of 10, and less CPU).
 */
final class BlockingFanOut implements AutoCloseable {
    /** Event loops of the client: one carries thousands of calls a second, and a second one costs more CPU per call on 2 cores. */
    private static final int CLIENT_EVENT_LOOPS = 1;

    private final ServerSettings settings;
    private final DownstreamClient client;
    private final ExecutorService parallelPool;
    private final String requestIdPrefix;

    /**
     * @param requestIdPrefix the start of each call's {@code request_id}, and of the client's
     *                        thread names: the server's role, so that bench's CPU shares count them there
     */
    BlockingFanOut(ServerSettings settings, ExecutorService parallelPool, String requestIdPrefix) {
        this.settings = settings;
        this.parallelPool = parallelPool;
        this.requestIdPrefix = requestIdPrefix;
        // A pooled connection is closed before the sim's idle timeout can close it under a call.
        this.client = DownstreamClient.withOwnLoops(settings.simUrl(), CLIENT_EVENT_LOOPS,
                settings.pooledConnectionIdleMs(), requestIdPrefix + "client-");
    }

    List<CallOutcome> sequential(long delayMs, int concurrent) {
        List<CallOutcome> calls = new ArrayList<>(concurrent);
        String delayParam = Downstream.delayParam(delayMs);
        for (int i = 0; i < concurrent; i++) {
            calls.add(call(i, delayMs, delayParam));
        }
        return calls;
    }

    List<CallOutcome> parallel(long delayMs, int concurrent) {
        List<Future<CallOutcome>> futures = new ArrayList<>(concurrent);
        String delayParam = Downstream.delayParam(delayMs);
        for (int i = 0; i < concurrent; i++) {
            int index = i;
            futures.add(parallelPool.submit(() -> call(index, delayMs, delayParam)));
        }
        List<CallOutcome> calls = new ArrayList<>(concurrent);
        for (int i = 0; i < concurrent; i++) {
            try {
                calls.add(futures.get(i).get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(f -> f.cancel(true));
                calls.add(CallOutcome.failure(i, 0, e));
            } catch (ExecutionException e) {
                calls.add(CallOutcome.failure(i, 0, e.getCause()));
            }
        }
        return calls;
    }

    /**
     * One call, this thread waiting until it ends: the client completes every call with an
     * outcome (answered, timed out, failed or cancelled), never exceptionally, so the wait ends.
     */
    private CallOutcome call(int index, long delayMs, String delayParam) {
        // Only the configured sim URL and validated numbers: no request parameter can point the call elsewhere.
        String target = client.slowIoTarget(delayParam, requestIdPrefix + index);
        return client.call(index, target, settings.downstreamTimeout(delayMs)).join();
    }

    /**
     * Fails every call in flight and every later one at once, so that no request thread holds on
     * until its calls answer.
     */
    void cancelInFlight() {
        client.cancelInFlight();
    }

    @Override
    public void close() {
        // Calls still running (the server is stopping) fail at once instead of holding their
        // thread until the downstream timeout.
        client.cancelInFlight();
        parallelPool.shutdownNow();
        client.close();
    }
}
