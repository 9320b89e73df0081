package iobench.bench.load;

import iobench.scenario.Segment;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code {request_id}}s one load generator sends: every request of one bench invocation its
 * own number, whatever run, warm-up, repetition or probe sends it. Segment {@code I} of {@code N}
 * sends {@code I, N+I, 2N+I, ...}, so that the generators of one distributed run never send the
 * same id either; the whole run ({@link Segment#WHOLE}) sends 1, 2, 3, ...
 */
final class RequestIds {
    private final long first;
    private final long stride;
    private final AtomicLong sent = new AtomicLong();

    RequestIds(Segment segment) {
        this.first = segment.index();
        this.stride = segment.count();
    }

    long next() {
        return sent.getAndIncrement() * stride + first;
    }
}
