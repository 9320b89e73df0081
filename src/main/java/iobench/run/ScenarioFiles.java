package iobench.run;

import iobench.core.ExitException;
import iobench.scenario.BenchPlan;
import iobench.scenario.ScenarioFileException;
import iobench.scenario.ScenarioFileParser;
import iobench.bench.contender.Target;
import iobench.config.ServerSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** bench's scenario file: the one given, else ./scenarios.yaml, else the one inside the jar. */
public final class ScenarioFiles {
    static final String DEFAULT_SCENARIOS = "scenarios.yaml";

    private ScenarioFiles() {
    }

    /**
     * The plan of a scenario file's text, checked against the servers' caps; anything unusable
     * ends in {@link ExitException#invalidInput}, before a server starts.
     *
     * @param targets {@code --target NAME=URL}, each, as given
     */
    public static BenchPlan plan(Text file, ServerSettings settings, List<String> targets) {
        return parse(file, settings, targetOptions(targets));
    }

    /** {@code --target NAME=URL}, each read and checked; a bad one is {@link ExitException#invalidInput}. */
    public static List<Target> targetOptions(List<String> targets) {
        List<Target> parsed = new ArrayList<>();
        for (String text : targets) {
            Target target = ExitException.parsed(() -> Target.parseOption(text));
            if (parsed.stream().anyMatch(t -> t.name().equals(target.name()))) {
                throw ExitException.invalidInput("--target '" + text + "': the name '" + target.name()
                        + "' is given twice; expected each target once");
            }
            parsed.add(target);
        }
        return parsed;
    }

    /** A scenario file's text and where it came from: what a segment records so that merge can rebuild its plan. */
    /**
     * @param recorded the file as a segment recorded it, read again by {@code merge}: it sends
     *                 nothing, so {@code ${NAME}} need not be set and a {@code body-file} is not read
     */
    public record Text(String source, String text, boolean recorded) {
        public Text(String source, String text) {
            this(source, text, false);
        }

    }

    /** The text of {@code given} (or the default); unreadable is {@link ExitException#invalidInput}. */
    public static Text read(Path given) {
        String source;
        String text;
        try {
            if (given != null) {
                if (!Files.isReadable(given)) {
                    throw ExitException.invalidInput("--scenarios " + given
                            + " cannot be read; expected a readable YAML file (see scenarios.yaml)");
                }
                source = given.toString();
                text = Files.readString(given, StandardCharsets.UTF_8);
            } else if (Files.isReadable(Path.of(DEFAULT_SCENARIOS))) {
                source = DEFAULT_SCENARIOS;
                text = Files.readString(Path.of(DEFAULT_SCENARIOS), StandardCharsets.UTF_8);
            } else {
                source = DEFAULT_SCENARIOS + " (inside the jar)";
                try (InputStream in = ScenarioFiles.class.getResourceAsStream("/" + DEFAULT_SCENARIOS)) {
                    if (in == null) {
                        throw new IllegalStateException("the jar lacks " + DEFAULT_SCENARIOS);
                    }
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw ExitException.invalidInput("the scenario file cannot be read: " + e.getMessage());
        }
        return new Text(source, text);
    }

    private static BenchPlan parse(Text file, ServerSettings settings, List<Target> targets) {
        try {
            return ScenarioFileParser.parse(file.source(), file.text(),
                    ScenarioFileParser.Caps.of(settings.maxDelayMs(), settings.maxConcurrent()), targets,
                    file.recorded());
        } catch (ScenarioFileException e) {
            throw ExitException.invalidInput(e.getMessage());
        }
    }

    /**
     * Every {@code --target} given must be benched by some scenario: one that no servers list names
     * would be dropped without a word, and the run would end without the service it was started for.
     */
    public static void requireListed(BenchPlan plan, List<String> targets) {
        for (String text : targets) {
            Target target = ExitException.parsed(() -> Target.parseOption(text));
            boolean listed = plan.scenarios().stream().anyMatch(s -> s.servers().contains(target.contender()));
            if (!listed) {
                throw ExitException.invalidInput("--target '" + text + "': no scenario of " + plan.source()
                        + " lists " + target.name() + "; expected it in defaults.servers or a scenario's servers");
            }
        }
    }
}
