package iobench.server.fanout;

import iobench.core.Labelled;

/** Why a downstream call failed. The labels appear in JSON answers and reports. */
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
    IO
}
