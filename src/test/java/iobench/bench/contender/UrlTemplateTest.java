package iobench.bench.contender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.ServerRole;
import iobench.core.Strategy;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class UrlTemplateTest {

    @Test
    void everyPlaceholderIsFilledPerRequestAndTheDelayIsInSeconds() {
        UrlTemplate t = UrlTemplate.parse(
                "http://127.0.0.1:8002/io?d={delay}&n={concurrent}&s={strategy}&id={request_id}&again={delay}");
        assertEquals(URI.create("http://127.0.0.1:8002/io?d=0.250&n=7&s=sequential&id=42&again=0.250"),
                t.fill(250, 7, Strategy.SEQUENTIAL, 42));
        // Literal text and placeholder names alternate, from a literal (here an empty one at the end).
        assertEquals(List.of("http://127.0.0.1:8002/io?d=", "delay", "&n=", "concurrent", "&s=", "strategy", "&id=",
                "request_id", "&again=", "delay", ""), t.parts());
    }

    @Test
    void aTemplateWithoutPlaceholdersIsAPlainUrl() {
        UrlTemplate t = UrlTemplate.parse("https://example.test/ping");
        assertEquals(URI.create("https://example.test/ping"), t.fill(1000, 3, Strategy.PARALLEL, 9));
        assertEquals(List.of("https://example.test/ping"), t.parts());
    }

    @Test
    void anUnknownPlaceholderIsRefusedByNameAndPlace() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UrlTemplate.parse("http://h/io?delay={delay}&n={count}"));
        assertEquals("'{count}' at character 29 of 'http://h/io?delay={delay}&n={count}' is not a placeholder; "
                + "expected {delay}, {concurrent}, {strategy} or {request_id}", e.getMessage());
    }

    @Test
    void unbalancedBracesAreRefused() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("http://h/io?d={delay"))
                .getMessage().startsWith("'{' at character 15 of 'http://h/io?d={delay' is not closed"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse("http://h/io?d=delay}"))
                .getMessage().startsWith("'}' at character 20 of 'http://h/io?d=delay}' closes no placeholder"));
    }

    @Test
    void onlyHttpUrlsWithAHostAreAllowed() {
        for (String bad : List.of("ftp://h/x", "127.0.0.1:8002/io", "/benchmark/io-test", "http:///nohost",
                "http://h/a b?d={delay}", " ")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> UrlTemplate.parse(bad), bad);
            assertTrue(e.getMessage().contains("expected "), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
    }

    @Test
    void theBuiltInServersAreTargetsOfTheSameKindWithTheAddressesTheyAlwaysGot() {
        URI base = URI.create("http://127.0.0.1:8080/");
        Target sync = Target.builtIn(ServerRole.SYNC, base);
        assertEquals(URI.create("http://127.0.0.1:8080/benchmark/io-test?delay=0.100&concurrent=4&strategy=parallel"),
                sync.url().fill(100, 4, Strategy.PARALLEL, 1));
        assertEquals(TargetModel.POOL, sync.model());
        Target async = Target.builtIn(ServerRole.ASYNC, base);
        // The async server takes no strategy.
        assertEquals(URI.create("http://127.0.0.1:8080/benchmark/io-test?delay=0.100&concurrent=4"),
                async.url().fill(100, 4, Strategy.PARALLEL, 1));
        assertEquals(TargetModel.ASYNC, async.model());
        assertEquals(TargetModel.VIRTUAL, Target.builtIn(ServerRole.VIRTUAL, base).model());
        assertEquals("virtual", Target.builtIn(ServerRole.VIRTUAL, base).name());
        assertThrows(IllegalArgumentException.class, () -> Target.builtIn(ServerRole.SIM, base));
    }

    @Test
    void threadsBelongToPoolsAndNamesAreWordsOnly() {
        UrlTemplate url = UrlTemplate.parse("http://h/x");
        assertEquals(8, new Target("flask", url, TargetModel.POOL, 8).threads());
        assertThrows(IllegalArgumentException.class, () -> new Target("quart", url, TargetModel.ASYNC, 4));
        assertThrows(IllegalArgumentException.class, () -> new Target("a b", url, TargetModel.ASYNC, 0));
    }
}
