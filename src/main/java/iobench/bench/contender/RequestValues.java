package iobench.bench.contender;

import iobench.core.Strategy;
import java.util.Locale;

/**
 * The values one request fills into its target's placeholders.
 *
 * @param delayMs    the scenario's delay: {delay}, in seconds with three decimals
 * @param concurrent the fan-out width: {concurrent}
 * @param strategy   sequential or parallel: {strategy}
 * @param requestId  unique within a bench and across its segments: {request_id}
 */
public record RequestValues(long delayMs, int concurrent, Strategy strategy, long requestId) {
    /** The text of one placeholder, by its name in {@link UrlTemplate#PLACEHOLDERS}. */
    String value(String placeholder) {
        return switch (placeholder) {
            case "delay" -> seconds(delayMs);
            case "concurrent" -> Integer.toString(concurrent);
            case "strategy" -> strategy.label();
            case "request_id" -> Long.toString(requestId);
            default -> throw new IllegalStateException("placeholder " + placeholder);
        };
    }

    /**
     * {@code String.format(Locale.ROOT, "%.3f", delayMs / 1000.0)}, without a Formatter per request:
     * whole milliseconds are three exact decimals. Beyond any real delay, the format itself.
     */
    static String seconds(long delayMs) {
        if (Math.abs(delayMs) >= 1_000_000_000_000L) {
            return String.format(Locale.ROOT, "%.3f", delayMs / 1000.0);
        }
        long ms = Math.abs(delayMs);
        long fraction = ms % 1000;
        return (delayMs < 0 ? "-" : "") + ms / 1000 + (fraction < 10 ? ".00" : fraction < 100 ? ".0" : ".") + fraction;
    }
}
