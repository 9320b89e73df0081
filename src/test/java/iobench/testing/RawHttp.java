package iobench.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Sends bytes as they are, where {@link Http} (java.net.http) would refuse to: malformed request
 * lines, raw non-ASCII, bad percent-encoding, huge headers. One request per connection
 * ({@code Connection: close}); the answer is read until the server closes or the deadline passes.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /**
     * What came back. {@code status} is -1 when the server closed without a status line,
     * {@code timedOut} when nothing complete came within the deadline (a hang).
     */
    public record Answer(int status, String head, String body, boolean timedOut, Duration elapsed) {
        public boolean contentTypeJson() {
            return head.toLowerCase(Locale.ROOT).contains("content-type: application/json");
        }
    }

    /** {@code GET target HTTP/1.1} with a Host header and {@code Connection: close}. */
    public static Answer get(URI base, String target, Duration deadline) {
        return send(base, "GET " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n", deadline);
    }

    public static Answer send(URI base, String request, Duration deadline) {
        return send(base, request.getBytes(StandardCharsets.UTF_8), deadline);
    }

    public static Answer send(URI base, byte[] request, Duration deadline) {
        long startNs = System.nanoTime();
        long endNs = startNs + deadline.toNanos();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean timedOut = false;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (IOException e) {
                // The server may answer and close before it read everything (a request too large):
                // what it sent is still read below.
            }
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            while (true) {
                long leftMs = (endNs - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    timedOut = true;
                    break;
                }
                socket.setSoTimeout((int) Math.max(1, leftMs));
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    timedOut = true;
                    break;
                } catch (IOException e) {
                    break; // reset by the server after its answer
                }
                if (n < 0) {
                    break;
                }
                received.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot talk to " + base + ": " + e, e);
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - startNs);
        String text = received.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String head = split < 0 ? text : text.substring(0, split);
        String body = split < 0 ? "" : text.substring(split + 4);
        int status = -1;
        if (head.startsWith("HTTP/1.")) {
            String[] parts = head.split(" ", 3);
            if (parts.length >= 2) {
                try {
                    status = Integer.parseInt(parts[1].trim());
                } catch (NumberFormatException e) {
                    status = -1;
                }
            }
        }
        // A complete answer followed by a server that keeps the socket open is not a hang.
        boolean complete = status > 0 && split >= 0 && bodyComplete(head, body);
        return new Answer(status, head, body, timedOut && !complete, elapsed);
    }

    private static boolean bodyComplete(String head, String body) {
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                try {
                    return body.getBytes(StandardCharsets.UTF_8).length
                            >= Integer.parseInt(line.substring(line.indexOf(':') + 1).trim());
                } catch (NumberFormatException e) {
                    return false;
                }
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                return body.endsWith("0\r\n\r\n");
            }
        }
        return false;
    }
}
