package iobench.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Live platform threads, by name: what a server started and what it left behind. */
public final class Threads {
    private Threads() {
    }

    public static Set<Thread> live() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Live threads not in {@code before} whose name starts with one of {@code prefixes}. */
    public static List<Thread> startedSince(Set<Thread> before, String... prefixes) {
        return live().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .filter(t -> Stream.of(prefixes).anyMatch(p -> t.getName().startsWith(p)))
                .toList();
    }

    public static List<String> names(List<Thread> threads) {
        return threads.stream().map(Thread::getName).sorted().toList();
    }
}
