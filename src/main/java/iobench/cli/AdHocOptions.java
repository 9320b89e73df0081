package iobench.cli;

import iobench.core.ExitException;
import iobench.run.ScenarioFiles;
import iobench.scenario.Durations;
import iobench.scenario.ScenarioFileParser;
import iobench.bench.contender.Target;
import iobench.bench.contender.UrlTemplate;
import iobench.core.ServerRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * {@code bench --url}: one URL, one scenario, no scenario file, for the question "how does this URL
 * behave". The options are written as the text of a scenario file and the URL as a {@code --target}
 * of it, read by the same parser as any file: warm-up, reports, exit codes and segments are a file
 * run's. The URL is a named target without a model, so the report predicts nothing for it.
 */
final class AdHocOptions {
    static final String DEFAULT_NAME = "target";
    static final int DEFAULT_CLIENTS = 10;
    static final long DEFAULT_DURATION_MS = 10_000;
    /** Where the scenarios of an ad-hoc run come from, as the console and the report name it. */
    static final String SOURCE = "ad-hoc run (--url)";
    /** An ad-hoc run asks no delay, fan-out width or strategy: only a request's own number fills its URL. */
    private static final Set<String> PLACEHOLDERS = Set.of("request_id");

    @Option(names = "--url", paramLabel = "URL",
            description = "Bench this one URL, without a scenario file: one scenario, sent as written ({request_id} "
                    + "is the one placeholder it takes); any 2xx is a success. Not with --scenarios.")
    String url;

    @Option(names = "--clients", paramLabel = "N",
            description = "With --url: N clients, each sending its next request when its last is answered "
                    + "(a closed model). Default " + DEFAULT_CLIENTS + " when --rate is not given.")
    Integer clients;

    @Option(names = "--rate", paramLabel = "R",
            description = "With --url: R requests per second, sent on time whatever the service does (an open model; "
                    + "latency counts from each request's intended send time). Not with --clients.")
    Integer rate;

    @Option(names = "--duration", paramLabel = "D",
            description = "With --url: how long the measured run sends, such as 30s or 2m (default 10s), after the "
                    + "warm-up.")
    String duration;

    @Option(names = "--requests", paramLabel = "N",
            description = "With --url --clients: a count of requests the clients share, instead of --duration.")
    Integer requests;

    @Option(names = "--method", paramLabel = "M",
            description = "With --url: the request's method, one of GET (default), HEAD, POST, PUT, PATCH, DELETE.")
    String method;

    @Option(names = "--header", paramLabel = "'K: V'",
            description = "With --url: a request header, repeatable; '${NAME}' in single quotes reads the "
                    + "environment, and the reports show it as written.")
    List<String> headers = new ArrayList<>();

    @Option(names = "--body", paramLabel = "TEXT",
            description = "With --url: the request's body (with POST, PUT, PATCH or DELETE); braces other than "
                    + "{request_id} are literal. Set its Content-Type with --header.")
    String body;

    @Option(names = "--name", paramLabel = "NAME",
            description = "With --url: the service's name in the reports (default " + DEFAULT_NAME + ").")
    String name;

    /**
     * An ad-hoc run as a file run takes it: the scenario file's text and the {@code --target} options.
     */
    record Run(ScenarioFiles.Text scenarios, List<String> targets) {
    }

    /**
     * The ad-hoc run, or null without {@code --url}; every option checked first, a bad one (or one
     * that a scenario file run or the ad-hoc run cannot use) {@link ExitException#invalidInput}.
     *
     * @param scenariosFile {@code --scenarios}, or null
     * @param targets       {@code --target}, each as given
     */
    Run run(Path scenariosFile, List<String> targets, ServerUrlOptions urls) {
        if (url == null) {
            refuseWithoutUrl("--clients", clients);
            refuseWithoutUrl("--rate", rate);
            refuseWithoutUrl("--duration", duration);
            refuseWithoutUrl("--requests", requests);
            refuseWithoutUrl("--name", name);
            refuseWithoutUrl("--method", method);
            refuseWithoutUrl("--header", headers.isEmpty() ? null : headers.get(0));
            refuseWithoutUrl("--body", body);
            return null;
        }
        refuseWithUrl("--scenarios", scenariosFile, "an ad-hoc run has no scenario file; expected one of them");
        refuseWithUrl("--target", targets.isEmpty() ? null : targets.get(0),
                "an ad-hoc run benches the one URL; expected a scenario file to bench it beside other targets");
        refuseWithUrl("--sim-url", urls.simUrl, "an ad-hoc run starts no sim and calls none");
        refuseWithUrl("--sync-url", urls.syncUrl, serversBeside("sync"));
        refuseWithUrl("--async-url", urls.asyncUrl, serversBeside("async"));
        refuseWithUrl("--virtual-url", urls.virtualUrl, serversBeside("virtual"));
        if (clients != null && rate != null) {
            throw ExitException.invalidInput("--clients and --rate together; expected one of them: --clients N "
                    + "(a closed model) or --rate R (an open model)");
        }
        if (requests != null && duration != null) {
            throw ExitException.invalidInput("--requests and --duration together; expected one of them: a count of "
                    + "requests or how long the clients send");
        }
        if (requests != null && rate != null) {
            throw ExitException.invalidInput("--requests with --rate: a rate sends for a time; expected --duration D "
                    + "with --rate, or --requests with --clients");
        }
        String scenario = rate != null ? rateScenario() : clientsScenario();
        // What a scenario file would say: the target with its request, one repetition of the one
        // scenario, the file's default warm-up. Every value is written as a JSON string, which YAML reads as it is.
        String text = "# " + SOURCE + ": one scenario against one URL\n"
                + "targets:\n"
                + "  - " + AdHocRequest.targetEntry(targetName(), checkedUrl(), method, headers, body) + "\n"
                + "defaults: {repetitions: 1, servers: [" + targetName() + "]}\n"
                + "scenarios:\n"
                + "  - " + scenario + "\n";
        return new Run(new ScenarioFiles.Text(SOURCE, text), List.of());
    }

    /** {@code {name: clients-10, kind: clients, ...}}: the delay is 0, for an ad-hoc URL asks none. */
    private String clientsScenario() {
        int n = clients != null ? clients : DEFAULT_CLIENTS;
        if (n < 1 || n > ScenarioFileParser.MAX_CLIENTS) {
            throw ExitException.invalidInput("--clients " + n + " is not allowed; expected an integer from 1 to "
                    + ScenarioFileParser.MAX_CLIENTS);
        }
        String end;
        if (requests != null) {
            if (requests < n || requests > ScenarioFileParser.MAX_REQUESTS) {
                throw ExitException.invalidInput("--requests " + requests + " is not allowed; expected an integer from "
                        + n + " (the clients) to " + ScenarioFileParser.MAX_REQUESTS);
            }
            end = "requests: " + requests;
        } else {
            end = "duration: " + durationMs() + "ms";
        }
        return "{name: clients-" + n + ", kind: clients, delay: 0, clients: " + n + ", " + end + "}";
    }

    private String rateScenario() {
        if (rate < 1 || rate > ScenarioFileParser.MAX_RATE) {
            throw ExitException.invalidInput("--rate " + rate + " is not allowed; expected requests per second from 1 "
                    + "to " + ScenarioFileParser.MAX_RATE);
        }
        return "{name: rate-" + rate + ", kind: rate, delay: 0, rate: " + rate + ", duration: " + durationMs() + "ms}";
    }

    private long durationMs() {
        if (duration == null) {
            return DEFAULT_DURATION_MS;
        }
        long ms = Durations.parseMs(duration);
        if (ms < ScenarioFileParser.MIN_DURATION_MS || ms > ScenarioFileParser.MAX_DURATION_MS) {
            throw ExitException.invalidInput("--duration '" + duration + "' is not allowed; expected a time from "
                    + Durations.format(ScenarioFileParser.MIN_DURATION_MS) + " to "
                    + Durations.format(ScenarioFileParser.MAX_DURATION_MS) + ", such as 30s or 2m");
        }
        return ms;
    }

    private String targetName() {
        String given = name != null ? name : DEFAULT_NAME;
        if (!Target.NAME.matcher(given).matches() || ServerRole.contenderFromLabel(given) != null
                || given.equalsIgnoreCase(ServerRole.SIM.label())) {
            throw ExitException.invalidInput("--name '" + given + "' is not allowed; expected 1 to 64 letters, digits, "
                    + "'.', '_' or '-', starting with a letter or digit, other than sync, async, virtual and sim");
        }
        return given;
    }

    /** The URL, checked as a target's; only {request_id} may fill it, nothing else has a value here. */
    private String checkedUrl() {
        String text = url.trim();
        UrlTemplate template;
        try {
            template = UrlTemplate.parse(text);
        } catch (IllegalArgumentException e) {
            throw ExitException.invalidInput("--url: " + e.getMessage());
        }
        for (String placeholder : template.placeholders()) {
            if (!PLACEHOLDERS.contains(placeholder)) {
                throw ExitException.invalidInput("--url '" + text + "': {" + placeholder + "} has no value in an "
                        + "ad-hoc run (it asks no delay, fan-out width or strategy); expected the URL as it is to be "
                        + "sent, such as ...?delay=0.1, with {request_id} at most, or a scenario file");
            }
        }
        return text;
    }

    private static void refuseWithoutUrl(String option, Object value) {
        if (value != null) {
            throw ExitException.invalidInput(option + " " + value + " needs --url: it sets the ad-hoc run of one URL "
                    + "(a scenario file gives each scenario its own)");
        }
    }

    private static void refuseWithUrl(String option, Object value, String why) {
        if (value != null) {
            throw ExitException.invalidInput(option + " " + value + " with --url: " + why);
        }
    }

    private static String serversBeside(String server) {
        return "an ad-hoc run benches the one URL alone; expected a scenario file that lists " + server
                + " beside a target";
    }
}
