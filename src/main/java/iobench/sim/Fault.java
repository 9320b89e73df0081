package iobench.sim;

/** What the sim does to one request instead of (or after) waiting its delay. */
public enum Fault {
    /** Answers 200 after the delay. */
    NONE,
    /** Answers 500 after the delay. */
    ERROR_500,
    /** Answers 503 after the delay. */
    UNAVAILABLE_503,
    /** Never answers; the client's timeout must fire. */
    HANG,
    /** Aborts the connection with a TCP reset after the delay. */
    RESET
}
