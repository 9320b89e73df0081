package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bench --url} with a bad value or a combination it cannot run: one line naming the option
 * and what it takes, exit code 2, before anything is sent or a report directory made. Nothing
 * listens at the URL: a run that got as far as sending would fail otherwise.
 */
class AdHocValidationTest {
    private static final String URL = "http://127.0.0.1:9/work";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--url " + URL + " --clients 0 | --clients 0 is not allowed; expected an integer from 1 to 10000",
        "--url " + URL + " --clients 10001 | --clients 10001 is not allowed; expected an integer from 1 to 10000",
        "--url " + URL + " --rate -1 | --rate -1 is not allowed; expected requests per second from 1 to 10000",
        "--url " + URL + " --rate 0 | --rate 0 is not allowed; expected requests per second from 1 to 10000",
        "--url " + URL + " --duration abc | --duration 'abc' is not allowed; expected a time from 100 ms to 600 s, such as 30s or 2m",
        "--url " + URL + " --duration 50ms | --duration '50ms' is not allowed; expected a time from 100 ms to 600 s",
        "--url " + URL + " --rate 5 --duration 11m | --duration '11m' is not allowed",
        "--url ftp://127.0.0.1/x | --url: 'ftp://127.0.0.1/x' is not allowed; expected an http:// or https:// URL with a host",
        "--url 127.0.0.1:9000/x | --url: '127.0.0.1:9000/x' is not a URL",
        "--url localhost/x | --url: 'localhost/x' is not allowed; expected an http:// or https:// URL with a host",
        "--url " + URL + "?d={delay} | --url '" + URL + "?d={delay}': {delay} has no value in an ad-hoc run",
        "--url " + URL + "?n={concurrent} | {concurrent} has no value in an ad-hoc run",
        "--url " + URL + "?x={nope} | --url: '{nope}' at character 27 of '" + URL + "?x={nope}' is not a placeholder",
        "--url " + URL + " --scenarios scenarios.yaml | --scenarios scenarios.yaml with --url: an ad-hoc run has no scenario file; expected one of them",
        "--url " + URL + " --target other=http://127.0.0.1:9/y | --target other=http://127.0.0.1:9/y with --url: an ad-hoc run benches the one URL",
        "--url " + URL + " --sync-url http://127.0.0.1:9 | --sync-url http://127.0.0.1:9 with --url: an ad-hoc run benches the one URL alone",
        "--url " + URL + " --sim-url http://127.0.0.1:9 | --sim-url http://127.0.0.1:9 with --url: an ad-hoc run starts no sim",
        "--url " + URL + " --clients 5 --rate 40 | --clients and --rate together; expected one of them",
        "--url " + URL + " --rate 40 --requests 100 | --requests with --rate: a rate sends for a time; expected --duration D with --rate",
        "--url " + URL + " --clients 5 --requests 100 --duration 5s | --requests and --duration together; expected one of them",
        "--url " + URL + " --clients 5 --requests 4 | --requests 4 is not allowed; expected an integer from 5 (the clients) to 100000",
        "--url " + URL + " --requests 4 | --requests 4 is not allowed; expected an integer from 10 (the clients) to 100000",
        "--url " + URL + " --name sync | --name 'sync' is not allowed; expected 1 to 64 letters",
        "--url " + URL + " --name 'a b' | --name 'a b' is not allowed; expected 1 to 64 letters",
        "--clients 10 | --clients 10 needs --url: it sets the ad-hoc run of one URL",
        "--rate 40 --duration 6s | --rate 40 needs --url",
        "--duration 6s | --duration 6s needs --url",
        "--name mine | --name mine needs --url",
        "--method post | --method post needs --url",
        "--body x | --body x needs --url",
        "--url " + URL + " --method fetch | --method 'fetch' is not allowed; expected one of GET, HEAD, POST, PUT, PATCH, DELETE",
        "--url " + URL + " --header nocolon | --header 'nocolon' is not allowed; expected 'Name: value'",
        "--url " + URL + " --body x | --body with --method GET: a GET request has no body",
        "--url " + URL + " --method post --header 'X-Key: ${IOBENCH_SURELY_UNSET_KEY}' | ${IOBENCH_SURELY_UNSET_KEY} names an environment variable that is not set",
        "--url " + URL + " --clients abc | Invalid value for option '--clients': 'abc' is not an int",
    })
    void aBadAdHocRunEndsInOneLineAndExitCode2BeforeAnythingRuns(String args, String expected) throws Exception {
        Path out = dir.resolve("out");
        List<String> all = new ArrayList<>(List.of("bench", "--out", out.toString()));
        for (String arg : args.split(" (?=--)")) {
            int space = arg.indexOf(' ');
            all.add(space < 0 ? arg : arg.substring(0, space));
            if (space >= 0) {
                all.add(arg.substring(space + 1).replaceAll("^'(.*)'$", "$1"));
            }
        }
        CliRun run = CliRun.of(all);

        assertEquals(2, run.exitCode(), run.context());
        List<String> lines = run.err().lines().toList();
        assertEquals(1, lines.size(), run.context());
        assertTrue(lines.get(0).startsWith("iobench: "), run.context());
        assertTrue(lines.get(0).contains(expected), "expected '" + expected + "' in: " + lines.get(0));
        assertFalse(run.err().contains("\tat "), "no stack trace");
        assertEquals("", run.out());
        assertFalse(Files.exists(out), "no report directory");
    }
}
