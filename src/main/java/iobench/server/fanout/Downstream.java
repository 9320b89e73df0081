package iobench.server.fanout;

/** How the benchmark servers write the delay of their one downstream call, the sim's {@code /slow-io}. */
public final class Downstream {
    private Downstream() {
    }

    /**
     * A delay as the sim's {@code delay} parameter: seconds with three decimals, as
     * {@code String.format(Locale.ROOT, "%.3f", delayMs / 1000.0)} writes it, without the
     * formatter's cost on every call.
     */
    public static String delayParam(long delayMs) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delayMs " + delayMs + " < 0");
        }
        long millis = delayMs % 1000;
        return (delayMs / 1000) + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".") + millis;
    }
}
