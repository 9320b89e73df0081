package iobench.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls a condition until it holds or a deadline passes: the tests' only way to wait for a state. */
public final class Eventually {
    private static final long POLL_MS = 20;

    private Eventually() {
    }

    /** Waits until {@code condition} holds; fails after {@code within} with {@code describe}'s text. */
    public static void await(Duration within, BooleanSupplier condition, Supplier<String> describe) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + within.toMillis() + " ms: " + describe.get());
            }
            try {
                // A pause between polls, not a synchronisation: the condition decides.
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting: " + describe.get());
            }
        }
    }
}
