package iobench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.contender.HttpVersion;
import iobench.bench.contender.RequestSpec;
import iobench.bench.contender.RequestValues;
import iobench.bench.contender.Secrets;
import iobench.bench.metrics.ErrorTally;
import iobench.core.Strategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A target's request keys in the scenario file: read, checked, and refused with line, column and the expected form. */
class RequestKeysTest {
    private static final ScenarioFileParser.Caps CAPS = ScenarioFileParser.Caps.of(60_000, 1000);
    /** Set for the tests by the build (pom.xml, surefire's environmentVariables). */
    private static final String TOKEN = System.getenv("IOBENCH_TEST_TOKEN");

    private static RequestSpec request(String targetKeys) {
        return parse(targetKeys).targets().get(0).request();
    }

    private static BenchPlan parse(String targetKeys) {
        String yaml = """
                targets:
                  - name: svc
                    url: http://127.0.0.1:9000/work?delay={delay}
                    model: async
                %s
                defaults: {servers: [svc]}
                scenarios:
                  - {name: c, kind: clients, delay: 0.1, clients: 2}
                """.formatted(targetKeys.indent(4).stripTrailing());
        return ScenarioFileParser.parse("t.yaml", yaml, CAPS, List.of());
    }

    private static String failure(String targetKeys) {
        return assertThrows(ScenarioFileException.class, () -> parse(targetKeys)).getMessage();
    }

    @Test
    void aTargetWithoutRequestKeysSendsPlainGets() {
        assertEquals(RequestSpec.GET, request(""));
    }

    @Test
    void everyRequestKeyIsRead() {
        RequestSpec spec = request("""
                method: post
                headers:
                  Authorization: 'Bearer ${IOBENCH_TEST_TOKEN}'
                  X-Request: '{request_id}'
                body: '{"delay": {delay}, "tags": {"a": 1}}'
                expect: [200, 202]
                timeout: 2s
                http: 2
                insecure: true
                retry-stale: true""");
        assertEquals("POST", spec.method());
        RequestValues values = new RequestValues(100, 1, Strategy.SEQUENTIAL, 7);
        assertEquals("Bearer " + TOKEN, spec.headers().get("Authorization").fill(values));
        assertEquals("Bearer ${IOBENCH_TEST_TOKEN}", spec.headers().get("Authorization").text());
        assertEquals("7", spec.headers().get("X-Request").fill(values));
        assertEquals("{\"delay\": 0.100, \"tags\": {\"a\": 1}}", spec.body().fill(values));
        assertEquals(Set.of(200, 202), spec.expect());
        assertEquals(Duration.ofSeconds(2), spec.timeout());
        assertEquals(HttpVersion.HTTP_2, spec.http());
        assertTrue(spec.insecure());
        assertTrue(spec.retriesStale());
        assertFalse(spec.describe().contains(TOKEN), spec.describe());
        assertTrue(spec.describe().contains("INSECURE"), spec.describe());
    }

    @Test
    void onlyIdempotentMethodsAreSentAgainUnlessTheTargetSaysSo() {
        assertTrue(request("method: put").retriesStale());
        assertTrue(request("method: delete").retriesStale());
        assertFalse(request("method: post").retriesStale());
        assertFalse(request("method: patch").retriesStale());
    }

    @Test
    void aBodyIsReadFromAFileBesideTheScenarioFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("order.json"), "{\"id\": {request_id}}");
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, "");
        String yaml = """
                targets:
                  - {name: svc, url: 'http://127.0.0.1:9000/o', model: async, method: put, body-file: order.json}
                defaults: {servers: [svc]}
                scenarios:
                  - {name: c, kind: clients, delay: 0.1, clients: 2}
                """;
        RequestSpec spec = ScenarioFileParser.parse(file.toString(), yaml, CAPS, List.of()).targets().get(0).request();
        assertEquals("{\"id\": 9}", spec.body().fill(new RequestValues(0, 1, Strategy.SEQUENTIAL, 9)));
        assertEquals("order.json", spec.bodyFile());
    }

    @Test
    void anUnsetEnvironmentVariableIsRefusedByName() {
        String message = failure("headers: {Authorization: 'Bearer ${IOBENCH_SURELY_UNSET_VARIABLE}'}");
        assertTrue(message.startsWith("t.yaml:"), message);
        assertTrue(message.contains("${IOBENCH_SURELY_UNSET_VARIABLE}") && message.contains("not set"), message);
    }

    @Test
    void aRecordedFileReadAgainToMergeNeedsNeitherTheEnvironmentNorTheBodyFile() {
        String yaml = """
                targets:
                  - name: svc
                    url: http://127.0.0.1:9000/o
                    method: post
                    headers: {X-Key: '${IOBENCH_SURELY_UNSET_KEY}'}
                    body-file: /surely/not/here.json
                defaults: {servers: [svc]}
                scenarios:
                  - {name: c, kind: clients, delay: 0.1, clients: 2}
                """;
        RequestSpec spec = ScenarioFileParser.parse("segment.json", yaml, CAPS, List.of(), true).targets().get(0)
                .request();
        assertEquals("${IOBENCH_SURELY_UNSET_KEY}", spec.headers().get("X-Key").text());
        assertEquals("/surely/not/here.json", spec.bodyFile());
        assertThrows(ScenarioFileException.class, () -> ScenarioFileParser.parse("s.yaml", yaml, CAPS, List.of()));
    }

    @Test
    void badValuesAreRefusedWithTheExpectedForm() {
        assertTrue(failure("method: fetch").contains("expected one of get, head, post, put, patch, delete"));
        assertTrue(failure("body: '{}'").contains("a GET request has no body"));
        assertTrue(failure("method: post\nbody: x\nbody-file: y").contains("'body' or 'body-file', not both"));
        assertTrue(failure("expect: 700").contains("an integer from 100 to 599"));
        assertTrue(failure("http: 3").contains("expected one of 1.1, 2"));
        assertTrue(failure("insecure: yes").contains("expected one of true, false"));
        assertTrue(failure("headers: [a]").contains("expected a map of header names"));
        assertTrue(failure("headers: {'bad name': x}").contains("is not a header name"));
        assertTrue(failure("timeout: 0").contains("above 0"));
        assertTrue(failure("method: post\nbody-file: /surely/not/here.json").contains("cannot read"));
    }

    @Test
    void aValueReadFromTheEnvironmentIsRedactedFromEveryErrorMessage() {
        request("headers: {Authorization: 'Bearer ${IOBENCH_TEST_TOKEN}'}");
        String echoed = ErrorTally.sample("HTTP 401: token " + TOKEN + " is not valid");
        assertEquals("HTTP 401: token ${IOBENCH_TEST_TOKEN} is not valid", echoed);
        assertEquals("no secret here", Secrets.redact("no secret here"));
        assertNull(Secrets.redact(null));
    }
}
