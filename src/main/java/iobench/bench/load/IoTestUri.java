package iobench.bench.load;

import iobench.bench.contender.Contender;
import java.net.URI;
import java.util.Locale;

/** The address of a server's {@code /benchmark/io-test} for one run. */
final class IoTestUri {
    private IoTestUri() {
    }

    static URI of(URI base, Contender role, long delayMs, int concurrent, String strategy) {
        String root = base.toString().endsWith("/") ? base.toString().substring(0, base.toString().length() - 1)
                : base.toString();
        // The async server always fans out at once; it takes no strategy.
        String strategyParam = role.equals(Contender.ASYNC) ? "" : "&strategy=" + strategy;
        return URI.create(String.format(Locale.ROOT, "%s/benchmark/io-test?delay=%.3f&concurrent=%d%s",
                root, delayMs / 1000.0, concurrent, strategyParam));
    }
}
