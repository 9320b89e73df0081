package iobench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.ExitCodes;
import iobench.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** What a newcomer meets first: a mistyped command or option, and --help of every command. */
class HelpAndSuggestionsTest {
    /** The root and every subcommand, as the user types them before --help. */
    static Stream<List<String>> commands() {
        CommandLine cli = Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        List<List<String>> all = new ArrayList<>();
        all.add(List.of());
        cli.getSubcommands().keySet().forEach(name -> all.add(List.of(name)));
        return all.stream();
    }

    @ParameterizedTest
    @CsvSource({
        "bnech, bench",
        "chek, check",
        "comapre, compare",
        "serve-snyc, serve-sync",
    })
    void aMistypedCommandIsOneLineThatSuggestsTheClosestCommand(String typed, String meant) {
        CliRun run = CliRun.of(typed);

        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.context());
        List<String> lines = run.err().lines().filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), run.context());
        assertTrue(lines.get(0).contains("'" + typed + "'; did you mean " + meant + "?"), run.context());
    }

    @Test
    void aMistypedOptionSuggestsTheOptionOfThatCommand() {
        CliRun run = CliRun.of("bench", "--scenaros", "x.yaml");

        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.context());
        assertTrue(run.err().contains("did you mean --scenarios? (see 'iobench bench --help')"), run.context());
        assertTrue(CliRun.of("serve-sim", "--prot=1").err().contains("did you mean --port?"));
    }

    @Test
    void nothingCloseSuggestsNothing() {
        CliRun run = CliRun.of("xyz");

        assertEquals(ExitCodes.INVALID_INPUT, run.exitCode(), run.context());
        assertFalse(run.err().contains("did you mean"), run.context());
    }

    @Test
    void twoLettersSwappedAreOneEdit() {
        assertEquals(1, Suggestions.distance("bnech", "bench"));
        assertEquals(0, Suggestions.distance("bench", "bench"));
        assertEquals(3, Suggestions.distance("bnech", "check"));
        assertEquals(List.of("bench"), Suggestions.closest("bnech", List.of("check", "healthcheck", "bench")));
    }

    @ParameterizedTest
    @MethodSource("commands")
    void everyCommandsHelpListsItsExitCodes(List<String> command) {
        CliRun run = help(command);

        assertEquals(0, run.exitCode(), run.context());
        List<String> lines = run.out().lines().toList();
        int heading = lines.indexOf("Exit codes:");
        assertTrue(heading >= 0, "no 'Exit codes:' in\n" + run.out());
        assertTrue(lines.size() > heading + 2 && lines.get(heading + 1).matches(" {2}0 +\\S.*"),
                "no code 0 under 'Exit codes:' in\n" + run.out());
    }

    /** picocli wrapped footers at 80 columns, cutting URLs; each line written must come out whole. */
    @ParameterizedTest
    @MethodSource("commands")
    void everyExampleAndExitCodeLineComesOutWhole(List<String> command) {
        CommandLine cli = Cli.create(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        CommandLine target = command.isEmpty() ? cli : cli.getSubcommands().get(command.get(0));
        List<String> written = Stream.of(target.getCommandSpec().usageMessage().footer())
                .flatMap(line -> String.format(line).lines()).filter(l -> !l.isBlank()).toList();

        CliRun run = help(command);

        assertFalse(written.isEmpty());
        List<String> printed = run.out().lines().toList();
        for (String line : written) {
            assertTrue(printed.contains(line), "not whole: '" + line + "' in\n" + run.out());
        }
    }

    private static CliRun help(List<String> command) {
        List<String> args = new ArrayList<>(command);
        args.add("--help");
        return CliRun.of(args);
    }
}
