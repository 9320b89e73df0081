package iobench.core;

/**
 * Why a call failed: a server's downstream call, or a request of the load generator. The labels
 * appear in JSON answers and reports; {@link ErrorKey} names a run's failures with them.
 */
public enum ErrorKind implements Labelled {
    /** Nothing listened: the connection was refused. */
    REFUSED,
    /** The connection could not be made in time. */
    CONNECT_TIMEOUT,
    /** Connected, but the answer did not come in time. */
    TIMEOUT,
    /** The peer reset or closed the connection mid-answer. */
    RESET,
    /** An answer came, with a status other than 2xx. */
    HTTP_STATUS,
    /** Any other I/O failure. */
    IO,
    /** The load generator's own: a rate run's request it did not send, as many being in flight already as it admits. */
    DROPPED,
    /** The load generator's own: a rate run's request still unanswered when its step ended. */
    UNFINISHED,
    /** The load generator's own: the run was interrupted before the request ended. */
    INTERRUPTED
}
