package iobench.fuzz;

import static iobench.fuzz.Fuzz.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import iobench.scenario.BenchPlan;
import iobench.scenario.ScenarioFileException;
import iobench.scenario.ScenarioFileParser;
import iobench.cli.Cli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random mutations of the shipped scenarios.yaml: each one parses into a plan or ends in a
 * {@link ScenarioFileException} whose one-line message points into {@code scenarios.yaml:};
 * nothing else may escape the parser. A sample of the refused ones also goes through
 * {@code iobench bench}: exit code 2, one line on stderr, no stack trace, no report directory.
 *
 * <p>The mutations come from a seeded {@link RandomGenerator} ({@link Fuzz#seed()};
 * {@code -Diobench.fuzz.seed=N} replays another run). A failure names the mutations and the
 * mutated file as a Java literal, ready for a regression case below.
 */
class ScenarioFileFuzzTest {
    private static final String SOURCE = "scenarios.yaml";
    private static final int TRIES = 1000;
    /** Refused files sent through the CLI, and how many mutated files may be tried to find them. */
    private static final int CLI_SAMPLE = 40;
    private static final int CLI_MAX_TRIES = 1000;
    private static final ScenarioFileParser.Caps CAPS = ScenarioFileParser.Caps.of(60_000, 1000);
    private static final List<String> ORIGINAL = readShipped();
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final long SEED = Fuzz.seed();

    private static int parsed;
    private static int refused;
    private static int throughCli;

    private static List<String> readShipped() {
        try {
            return Files.readAllLines(Path.of(SOURCE), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One edit of the file; {@code a} and {@code b} pick lines or positions, taken modulo the size. */
    record Mutation(Kind kind, int a, int b, String text) {
        enum Kind { DELETE_LINE, DUPLICATE_LINE, SWAP_LINES, CHANGE_CHAR, INSERT_TEXT, REPLACE_NUMBER, INSERT_TAB,
            TRUNCATE, REPLACE_LINE }

        List<String> applyTo(List<String> lines) {
            List<String> out = new ArrayList<>(lines);
            if (out.isEmpty()) {
                return out;
            }
            int i = Math.floorMod(a, out.size());
            int j = Math.floorMod(b, out.size());
            String line = out.get(i);
            switch (kind) {
                case DELETE_LINE -> out.remove(i);
                case DUPLICATE_LINE -> out.add(i, line);
                case SWAP_LINES -> {
                    out.set(i, out.get(j));
                    out.set(j, line);
                }
                case CHANGE_CHAR -> {
                    if (!line.isEmpty()) {
                        int at = Math.floorMod(b, line.length());
                        out.set(i, line.substring(0, at) + text + line.substring(at + 1));
                    }
                }
                case INSERT_TEXT -> {
                    int at = Math.floorMod(b, line.length() + 1);
                    out.set(i, line.substring(0, at) + text + line.substring(at));
                }
                case REPLACE_NUMBER -> {
                    Matcher m = NUMBER.matcher(line);
                    List<int[]> spans = new ArrayList<>();
                    while (m.find()) {
                        spans.add(new int[] {m.start(), m.end()});
                    }
                    if (!spans.isEmpty()) {
                        int[] span = spans.get(Math.floorMod(b, spans.size()));
                        out.set(i, line.substring(0, span[0]) + text + line.substring(span[1]));
                    }
                }
                case INSERT_TAB -> {
                    int at = Math.floorMod(b, line.length() + 1);
                    out.set(i, line.substring(0, at) + "\t" + line.substring(at));
                }
                case TRUNCATE -> {
                    out.subList(i, out.size()).clear();
                    if (!line.isEmpty()) {
                        out.add(line.substring(0, Math.floorMod(b, line.length())));
                    }
                }
                case REPLACE_LINE -> out.set(i, text);
            }
            return out;
        }

        @Override
        public String toString() {
            return kind + "(" + a + ", " + b + ", " + Fuzz.javaLiteral(text) + ")";
        }
    }

    /** A mutated file: the edits and the text they made. */
    record Input(List<Mutation> mutations, String text) {
        static Input of(List<Mutation> mutations) {
            List<String> lines = ORIGINAL;
            for (Mutation m : mutations) {
                lines = m.applyTo(lines);
            }
            return new Input(mutations, String.join("\n", lines) + "\n");
        }

        @Override
        public String toString() {
            String shown = text.length() > 4000 ? text.substring(0, 4000) + "...(" + text.length() + " chars)" : text;
            return mutations + "\n      file: " + Fuzz.javaLiteral(shown);
        }
    }

    @BeforeAll
    static void announce() {
        System.out.println("ScenarioFileFuzzTest: " + Fuzz.replay(SEED) + ", " + TRIES + " mutated files, up to "
                + CLI_SAMPLE + " refused ones through 'iobench bench'");
    }

    @AfterAll
    static void report() {
        System.out.printf("ScenarioFileFuzzTest: %d mutated files tried: %d parsed into a plan, %d refused with a"
                        + " located one-line message; %d refused ones also through 'iobench bench'; %s%n",
                parsed + refused, parsed, refused, throughCli, Fuzz.replay(SEED));
    }

    @Test
    void aMutatedScenarioFileParsesOrIsRefusedWithALocatedOneLineMessage() {
        RandomGenerator r = Fuzz.random(SEED, "parse");
        List<Input> inputs = new ArrayList<>();
        for (int i = 0; i < TRIES; i++) {
            inputs.add(Input.of(mutations(r)));
        }
        Fuzz.forAll("parse", SEED, inputs, Input::toString, input -> {
            // Anything thrown other than a ScenarioFileException fails the input.
            try {
                BenchPlan plan = ScenarioFileParser.parse(SOURCE, input.text(), CAPS, List.of());
                assertNotNull(plan);
                assertFalse(plan.scenarios().isEmpty(), "a plan without scenarios");
                parsed++;
            } catch (ScenarioFileException e) {
                refused++;
                assertLocatedOneLine(e.getMessage());
            }
        });
    }

    private static void assertLocatedOneLine(String message) {
        assertNotNull(message);
        assertTrue(message.startsWith(SOURCE + ":"), () -> "not located in " + SOURCE + ": " + Fuzz.visible(message));
        assertEquals(1, message.lines().count(), () -> "more than one line: " + Fuzz.visible(message));
        assertFalse(message.contains("Exception"), () -> "an exception name: " + Fuzz.visible(message));
    }

    /**
     * Found by the fuzzing above: SnakeYAML quotes the offending character raw, so an alias
     * without a name ({@code - *} at the end of a line) put a line break into the message, and a
     * NUL could go into it as it was. The parser now escapes control characters. (A NUL is
     * refused by SnakeYAML's reader, so that message has no line number: {@code scenarios.yaml: not
     * valid YAML: special characters are not allowed}.)
     */
    @Test
    void aYamlProblemAtALineEndStaysOnOneLine() {
        for (String text : List.of("scenarios:\n  - *\n", "scenarios:\n  - \u0000\n", "scenarios:\n  - *\u0000\n")) {
            String what = Fuzz.javaLiteral(text);
            try {
                ScenarioFileParser.parse(SOURCE, text, CAPS, List.of());
                fail(what + " parsed");
            } catch (ScenarioFileException e) {
                String message = e.getMessage();
                assertLocatedOneLine(message);
                if (!text.contains("\u0000")) {
                    // A NUL is refused by SnakeYAML's reader, before any line is known.
                    assertTrue(message.startsWith(SOURCE + ":2:"), () -> what + ": " + Fuzz.visible(message));
                }
                assertTrue(message.chars().noneMatch(Character::isISOControl),
                        () -> what + ": a control character in " + Fuzz.visible(message));
            }
        }
    }

    @Test
    void aRefusedScenarioFileEndsTheBenchCommandWithExit2AndOneLine(@TempDir Path dir) {
        RandomGenerator r = Fuzz.random(SEED, "cli");
        // A file that parses would start a benchmark; only refused ones go through the command.
        List<Input> sample = new ArrayList<>();
        for (int tries = 0; tries < CLI_MAX_TRIES && sample.size() < CLI_SAMPLE; tries++) {
            Input input = Input.of(mutations(r));
            try {
                ScenarioFileParser.parse(SOURCE, input.text(), CAPS, List.of());
            } catch (ScenarioFileException e) {
                sample.add(input);
            } catch (RuntimeException e) {
                // Not a refusal: the parse test above reports it.
            }
        }
        assertTrue(sample.size() >= CLI_SAMPLE / 2, "only " + sample.size() + " refused files found");
        int[] n = {0};
        Fuzz.forAll("cli", SEED, sample, Input::toString, input -> {
            Path run = Files.createDirectories(dir.resolve("run-" + n[0]++));
            Path file = run.resolve(SOURCE);
            // getBytes, not writeString: an unpaired surrogate becomes '?' instead of failing the write.
            Files.write(file, input.text().getBytes(StandardCharsets.UTF_8));
            Path out = run.resolve("report");
            StringWriter stdout = new StringWriter();
            StringWriter stderr = new StringWriter();
            int code = Cli.create(new PrintWriter(stdout, true), new PrintWriter(stderr, true))
                    .execute("bench", "--scenarios", file.toString(), "--out", out.toString());
            throughCli++;
            String err = stderr.toString();
            assertEquals(2, code, () -> "exit code; stderr: " + Fuzz.visible(err));
            assertEquals(1, err.lines().count(), () -> "one line on stderr: " + Fuzz.visible(err));
            assertTrue(err.contains(SOURCE + ":"), () -> Fuzz.visible(err));
            assertFalse(err.contains("Exception"), () -> Fuzz.visible(err));
            assertFalse(err.contains("\tat "), () -> Fuzz.visible(err));
            assertEquals("", stdout.toString());
            assertFalse(Files.exists(out), "a report directory was created");
        });
    }

    // ---- generators: the same shapes as the jqwik version had

    private static List<Mutation> mutations(RandomGenerator r) {
        return Fuzz.listOf(r, 1, 6, () -> new Mutation(oneOf(r, Mutation.Kind.values()), r.nextInt(), r.nextInt(),
                switch (r.nextInt(3)) {
                    case 0 -> number(r);
                    case 1 -> chars(r);
                    default -> line(r);
                }));
    }

    private static String number(RandomGenerator r) {
        return oneOf(r, "1e309", "-1", "-0", "0", "NaN", ".nan", ".inf", "-.inf", "Infinity", "99999999999999999999",
                "2147483648", "1000001", "0x10", "0o7", "1_000", "abc", "~", "null", "''", "\"\"", "[]", "{}", "1.5",
                "0.0000001", "3601", "1h", "250ms", "-5s", "1e3s", "٣");
    }

    private static String chars(RandomGenerator r) {
        return r.nextBoolean()
                ? oneOf(r, ":", "-", "{", "}", "[", "]", ",", "#", "&", "*", "!", "|", ">", "%", "@", "`", "'", "\"",
                        " ", "\t", "\\", "\u0000", "\uFEFF", "é", "😀", "\u202E")
                : Fuzz.anyString(r, 1, 3);
    }

    private static String line(RandomGenerator r) {
        return r.nextBoolean()
                ? oneOf(r, "", "---", "...", "scenarios:", "defaults:", "  - {}", "  - []", "  - ~",
                        "  - {name: x, kind: fan-out, delay: 0.01, concurrent: 1}",
                        "  - &a {name: y, kind: clients, delay: 0.01, clients: 1}", "  - *a", "  - *nope",
                        "  - !!java.lang.Runtime {}", "  - !!binary AAAA", "  <<: *a", "%YAML 1.1", "%TAG ! !foo",
                        "  repetitions: 100000", "  warmup: -1", "  servers: [sync, sync, sync]",
                        "  servers: [nosuch]", "  strategy: parallel", "  strategy: [a]", "unknown: 1",
                        "scenarios: {a: 1}", "\tscenarios:", "  - {name: " + "a".repeat(100) + "}")
                : Fuzz.anyString(r, 0, 80);
    }
}
