package iobench.bench.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import iobench.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** bench --segment and --start-at with bad input: exit 2, one line naming the value and the form; nothing runs. */
class SegmentOptionsTest {
    @TempDir
    Path dir;

    private String refused(String... args) throws Exception {
        return refusedWith("scenarios:\n  - {name: c, kind: clients, delay: 0.01, clients: 2, servers: [sync, async]}\n",
                args);
    }

    private String refusedWith(String yaml, String... args) throws Exception {
        Path scenarios = Files.writeString(dir.resolve("s.yaml"), yaml, StandardCharsets.UTF_8);
        String[] all = new String[args.length + 5];
        all[0] = "bench";
        all[1] = "--scenarios";
        all[2] = scenarios.toString();
        all[3] = "--out";
        all[4] = dir.resolve("out").toString();
        System.arraycopy(args, 0, all, 5, args.length);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(all);
        List<String> lines = err.toString().lines().toList();
        assertEquals(2, exit, err.toString());
        assertEquals(1, lines.size(), err.toString());
        assertFalse(err.toString().contains("\tat "));
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        return lines.get(0);
    }

    @Test
    void aBadSegmentNamesTheValueAndTheForm() throws Exception {
        for (String bad : List.of("0/3", "4/3", "3", "x/y", "2/0")) {
            assertEquals("iobench: --segment " + bad + " is not usable; expected I/N with 1 <= I <= N",
                    refused("--segment", bad));
        }
    }

    @Test
    void aSegmentOfSeveralNeedsEveryServerItUsesAndTheSim() throws Exception {
        assertEquals("iobench: --segment 2/3 needs --sync-url: a segment never starts servers, and scenario 'c' "
                + "uses sync", refused("--segment", "2/3"));
        assertEquals("iobench: --segment 2/3 needs --async-url: a segment never starts servers, and scenario 'c' "
                + "uses async", refused("--segment", "2/3", "--sync-url", "http://127.0.0.1:1"));
        assertEquals("iobench: --segment 2/3 needs --sim-url: a segment never starts servers",
                refused("--segment", "2/3", "--sync-url", "http://127.0.0.1:1", "--async-url", "http://127.0.0.1:2"));
    }

    /** The sim profile is sim-wide: N segments setting and resetting it would change it under each other's load. */
    @Test
    void aSegmentOfSeveralRefusesAScenarioThatSetsASimProfileOrIoFaults() throws Exception {
        String urls = "--sync-url=http://127.0.0.1:1";
        for (String scenario : List.of("{name: llm, kind: clients, profile: llm-api, clients: 2, servers: [sync]}",
                "{name: llm, kind: clients, delay: 0.01, io: {error-rate: 0.1}, clients: 2, servers: [sync]}")) {
            String yaml = "scenarios:\n  - {name: plain, kind: clients, delay: 0.01, clients: 2, servers: [sync]}\n"
                    + "  - " + scenario + "\n";
            assertEquals("iobench: --segment 1/2: scenario 'llm' sets a sim profile or io faults, which are sim-wide "
                    + "and which each segment would set and reset under the others' load; expected scenarios with "
                    + "delay only", refusedWith(yaml, "--segment", "1/2", urls, "--sim-url=http://127.0.0.1:2"));
        }
    }

    @Test
    void aBadStartTimeNamesTheValueAndTheForm() throws Exception {
        assertEquals("iobench: --start-at soon is not usable; expected an ISO-8601 instant like 2026-11-30T10:00:00Z, "
                + "or +30s / +2m from now", refused("--segment", "1/1", "--start-at", "soon"));
    }
}
