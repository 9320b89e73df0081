package iobench.scenario;

/**
 * Share {@code index} of {@code count} of a bench run, for load sent from several machines at
 * once: each segment sends its share of every scenario, and the union of the shares is exactly
 * what one generator would have sent. Pure arithmetic; {@link #WHOLE} is the one-machine run.
 *
 * <ul>
 *   <li>rate: arrival {@code k} of the one-machine schedule belongs to segment {@code (k mod N) + 1},
 *       so the segments' send times interleave into the one-machine schedule;</li>
 *   <li>clients: clients split as evenly as they go, the remainder to the lowest segments; the requests
 *       split the same way over the segments that have a client (with fewer clients than segments
 *       the upper ones have neither, so that no request is assigned to a segment without a client
 *       to send it);</li>
 *   <li>fan-out: the one request per repetition goes to segment 1.</li>
 * </ul>
 *
 * @param index 1-based, at most {@code count}
 * @param count how many segments the run has
 */
public record Segment(int index, int count) {
    public static final Segment WHOLE = new Segment(1, 1);
    /** The form every message about a bad --segment names. */
    public static final String FORM = "I/N with 1 <= I <= N";

    public Segment {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("segment " + index + "/" + count + " is not " + FORM);
        }
    }

    /** {@code "2/3"}; anything else is an IllegalArgumentException whose message names the value and the form. */
    public static Segment parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("/", -1);
        if (parts.length == 2) {
            try {
                int index = Integer.parseInt(parts[0].strip());
                int count = Integer.parseInt(parts[1].strip());
                if (count >= 1 && index >= 1 && index <= count) {
                    return new Segment(index, count);
                }
            } catch (NumberFormatException e) {
                // falls through to the one message below
            }
        }
        throw new IllegalArgumentException("--segment " + text + " is not usable; expected " + FORM);
    }

    public boolean whole() {
        return count == 1;
    }

    /** This segment's first arrival of the one-machine schedule; the next ones follow every {@link #count}. */
    public long firstArrival() {
        return index - 1;
    }

    /** This segment's part of {@code total} things split evenly, the remainder to the lowest segments. */
    public long shareOf(long total) {
        return total / count + (index - 1 < total % count ? 1 : 0);
    }

    public int shareOf(int total) {
        return (int) shareOf((long) total);
    }

    /** This segment's clients of a clients scenario: {@link #shareOf} of them. */
    public int clientsShare(int clients) {
        return shareOf(clients);
    }

    /**
     * This segment's requests of a clients scenario with {@code clients} clients: {@code requests}
     * split over the min(clients, N) segments that have a client, so the shares sum to
     * {@code requests} even when clients &lt; N. Each of those segments gets at least as many
     * requests as clients when requests &gt;= clients (with clients &gt;= N both splits are over N and
     * the remainders fall to the same lowest segments; with clients &lt; N each has one client).
     */
    public int requestsShare(int clients, int requests) {
        int active = Math.min(clients, count);
        if (active <= 0 || index > active) {
            return 0;
        }
        return requests / active + (index - 1 < requests % active ? 1 : 0);
    }

    /** A fan-out scenario's single request per repetition: segment 1's, nobody else's. */
    public int fanOutRequests() {
        return index == 1 ? 1 : 0;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
