package iobench.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import iobench.config.ServerSettings;
import iobench.config.SettingsLoader;
import iobench.http.RunningServer;
import iobench.server.ServerKind;
import iobench.sim.SimServer;
import iobench.testing.Http;
import iobench.testing.RawHttp;
import iobench.testing.TestSettings;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * No request can point a fan-out server at another host: the downstream address is the configured
 * sim-url and nothing else. A canary socket records every connection it gets; requests try to
 * redirect the calls to it through parameters, headers, absolute-form request lines and path
 * tricks, and the canary must see none while the real sim answers the calls. Also: servers bind
 * 127.0.0.1 by default, and the caps on delay and fan-out hold on every server.
 */
class DownstreamTargetTest {
    private static final Duration DEADLINE = Duration.ofSeconds(10);
    private static final int CALLS = 2;
    private static ServerSocket canary;
    private static final AtomicInteger CANARY_CONNECTIONS = new AtomicInteger();
    private static Thread canaryThread;
    private static RunningServer sim;
    private static final Map<ServerKind, RunningServer> SERVERS = new java.util.EnumMap<>(ServerKind.class);

    @BeforeAll
    static void start() throws IOException {
        canary = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        canaryThread = Thread.ofPlatform().daemon().name("canary").start(() -> {
            while (!canary.isClosed()) {
                try (Socket ignored = canary.accept()) {
                    CANARY_CONNECTIONS.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        // The shipped defaults, not TestSettings (which forces 127.0.0.1): what a user gets.
        sim = SimServer.start(SettingsLoader.load(null, Map.of(), Map.of("sim-port", 0)), 0);
        ServerSettings settings = SettingsLoader.load(null, Map.of(), Map.of("sim-url", sim.baseUri().toString()));
        for (ServerKind kind : ServerKind.values()) {
            SERVERS.put(kind, kind.start(settings, 0));
        }
    }

    @AfterAll
    static void stop() throws IOException {
        SERVERS.values().forEach(RunningServer::close);
        if (sim != null) {
            sim.close();
        }
        if (canary != null) {
            canary.close();
        }
    }

    private static String canaryAddress() {
        return "127.0.0.1:" + canary.getLocalPort();
    }

    private static String validQuery() {
        return "delay=0.01&concurrent=" + CALLS;
    }

    /** Requests that try to send the downstream calls to the canary. */
    private static List<String> hostileRequests(RunningServer server) {
        String canaryUrl = "http://" + canaryAddress();
        String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
        String end = "Connection: close\r\n\r\n";
        List<String> requests = new ArrayList<>();
        for (String key : List.of("sim-url", "sim_url", "simUrl", "url", "target", "host", "downstream", "base",
                "sim", "sim-host", "sim-port", "proxy", "redirect", "callback")) {
            for (String value : List.of(canaryUrl, canaryAddress(), "//" + canaryAddress(),
                    String.valueOf(canary.getLocalPort()))) {
                requests.add("GET /benchmark/io-test?" + validQuery() + "&" + key + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8) + " HTTP/1.1\r\n" + host + end);
            }
        }
        String target = "/benchmark/io-test?" + validQuery();
        // Headers that proxies and frameworks read as "the real host".
        for (String header : List.of("Host: " + canaryAddress(), "X-Forwarded-Host: " + canaryAddress(),
                "Forwarded: host=" + canaryAddress(), "X-Forwarded-Server: " + canaryAddress(),
                "X-Original-URL: " + canaryUrl + target, "X-Rewrite-URL: " + canaryUrl + target,
                "Referer: " + canaryUrl, "Origin: " + canaryUrl)) {
            String hostLine = header.startsWith("Host:") ? "" : host;
            requests.add("GET " + target + " HTTP/1.1\r\n" + hostLine + header + "\r\n" + end);
        }
        // Absolute-form request lines and path tricks.
        for (String requestTarget : List.of(canaryUrl + target,
                "http://127.0.0.1:" + server.port() + target + "&sim-url=" + canaryUrl,
                "//" + canaryAddress() + target,
                "/" + canaryUrl + target,
                "/benchmark/io-test/..//" + canaryAddress() + "/?" + validQuery(),
                "/benchmark/io-test?delay=0.01@" + canaryAddress() + "&concurrent=" + CALLS,
                "/benchmark/io-test?delay=0.01%23@" + canaryAddress() + "&concurrent=" + CALLS,
                "/benchmark/io-test?delay=0.01%26sim-url%3D" + canaryUrl + "&concurrent=" + CALLS)) {
            requests.add("GET " + requestTarget + " HTTP/1.1\r\n" + host + end);
        }
        return requests;
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void noRequestRedirectsTheDownstreamCalls(ServerKind kind) {
        RunningServer server = SERVERS.get(kind);
        int before = CANARY_CONNECTIONS.get();
        int served = 0;
        List<String> requests = hostileRequests(server);
        for (String request : requests) {
            RawHttp.Answer answer = RawHttp.send(server.baseUri(), request, DEADLINE);
            String first = request.lines().findFirst().orElse("");
            assertFalse(answer.timedOut(), () -> kind + ": no answer to " + first);
            assertTrue(answer.status() >= 200 && answer.status() < 500,
                    () -> kind + ": status " + answer.status() + " for " + first);
            if (answer.status() == 200) {
                JsonNode json = Http.parse(answer.body());
                assertNotNull(json, answer.body());
                // The calls succeeded: something answered 200, and the canary never answers.
                assertEquals(CALLS, json.at("/results/successful").asInt(), () -> kind + ": " + answer.body());
                served++;
            }
        }
        assertEquals(before, CANARY_CONNECTIONS.get(), kind + ": the canary was called");
        System.out.printf("%-7s %d redirect attempts: %d answered 200 with all %d calls served by the sim,"
                + " the rest refused (4xx); canary connections: %d%n", kind.role(), requests.size(), served, CALLS,
                CANARY_CONNECTIONS.get() - before);
        assertTrue(served > requests.size() / 2, kind + ": most attempts are valid requests the sim serves");
    }

    @Test
    void serversBindLoopbackByDefault() throws IOException {
        assertEquals("127.0.0.1", TestSettings.defaults().host());
        List<RunningServer> all = new ArrayList<>(SERVERS.values());
        all.add(sim);
        for (RunningServer server : all) {
            assertEquals("127.0.0.1", server.host(), server.role().label());
        }
        Optional<InetAddress> external = nonLoopbackAddress();
        Assumptions.assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");
        for (RunningServer server : all) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(external.get(), server.port()), 2_000);
                throw new AssertionError(server.role().label() + " is reachable on " + external.get() + ":" + server.port());
            } catch (IOException expected) {
                // refused: bound to loopback only
            }
            System.out.printf("%-7s port %d not reachable on %s%n", server.role().label(), server.port(),
                    external.get().getHostAddress());
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }

    @ParameterizedTest
    @EnumSource(ServerKind.class)
    void delayAndFanOutOverTheCapsAreRefusedWith400(ServerKind kind) {
        RunningServer server = SERVERS.get(kind);
        for (String query : List.of("delay=60.001&concurrent=1", "delay=3600&concurrent=1", "delay=0.01&concurrent=1001",
                "delay=0.01&concurrent=2147483648", "delay=1e309&concurrent=1", "delay=-0.001&concurrent=1",
                "delay=0.01&concurrent=0")) {
            assertRefused(server, "/benchmark/io-test?" + query + "&strategy=parallel");
        }
    }

    @Test
    void theSimRefusesDelaysAndTimeoutsOverItsCaps() {
        for (String path : List.of("/slow-io?delay=60.001", "/slow-io-sync?delay=61", "/concurrency/block?delay=61",
                "/concurrency/block?delay=0&timeout=31", "/slow-io?delay=0&request_id=" + "x".repeat(201))) {
            assertRefused(sim, path);
        }
    }

    private static void assertRefused(RunningServer server, String pathAndQuery) {
        RawHttp.Answer answer = RawHttp.get(server.baseUri(), pathAndQuery, DEADLINE);
        assertEquals(400, answer.status(), () -> server.role().label() + " " + pathAndQuery + ": " + answer.body());
        JsonNode json = Http.parse(answer.body());
        assertNotNull(json, answer.body());
        assertTrue(json.hasNonNull("parameter"), answer.body());
        assertTrue(answer.elapsed().toMillis() < 2_000, server.role().label() + " took " + answer.elapsed());
    }
}
