package iobench.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * The little a fuzz test needs from a property-testing library: a seeded generator, picks,
 * weighted choices and hostile strings, plus a collector of failing inputs.
 *
 * <p>Every run starts from {@link #seed()}: {@value #DEFAULT_SEED} unless {@code -Diobench.fuzz.seed=N}
 * says otherwise. Each test derives its own stream from that seed and its name, so a failure
 * replays with the same seed and {@code -Dtest=Class#method}, whatever else runs.
 */
final class Fuzz {
    static final long DEFAULT_SEED = 20_240_917L;
    /** How many failing inputs a failed test lists; the count of all of them comes first. */
    static final int SHOWN_FAILURES = 5;

    private Fuzz() {
    }

    static long seed() {
        String given = System.getProperty("iobench.fuzz.seed");
        return given == null || given.isBlank() ? DEFAULT_SEED : Long.parseLong(given.trim());
    }

    /** The generator of one test: the run's seed mixed with the test's name. */
    static RandomGenerator random(long seed, String test) {
        return new SplittableRandom(seed ^ (long) test.hashCode() * 0x9E3779B97F4A7C15L);
    }

    /** How to replay, for the stdout of a test. */
    static String replay(long seed) {
        return "seed " + seed + " (replay: -Diobench.fuzz.seed=" + seed + ")";
    }

    @SafeVarargs
    static <T> T oneOf(RandomGenerator r, T... choices) {
        return choices[r.nextInt(choices.length)];
    }

    /** One of the suppliers, picked with the weights {@code w0, s0, w1, s1, ...}. */
    @SuppressWarnings("unchecked")
    static <T> T frequency(RandomGenerator r, Object... weightsAndSuppliers) {
        int total = 0;
        for (int i = 0; i < weightsAndSuppliers.length; i += 2) {
            total += (Integer) weightsAndSuppliers[i];
        }
        int pick = r.nextInt(total);
        for (int i = 0; i < weightsAndSuppliers.length; i += 2) {
            pick -= (Integer) weightsAndSuppliers[i];
            if (pick < 0) {
                return ((Supplier<T>) weightsAndSuppliers[i + 1]).get();
            }
        }
        throw new IllegalStateException("unreachable");
    }

    static <T> List<T> listOf(RandomGenerator r, int minSize, int maxSize, Supplier<T> element) {
        int n = minSize + r.nextInt(maxSize - minSize + 1);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(element.get());
        }
        return list;
    }

    /**
     * Any string of {@code minLength..maxLength} chars: ASCII, control characters, any BMP char
     * (unpaired surrogates and noncharacters included), Latin-1 and beyond-BMP code points.
     */
    static String anyString(RandomGenerator r, int minLength, int maxLength) {
        int n = minLength + r.nextInt(maxLength - minLength + 1);
        StringBuilder s = new StringBuilder(n + 2);
        while (s.length() < n) {
            int kind = r.nextInt(100);
            if (kind < 40) {
                s.append((char) (0x20 + r.nextInt(0x5F)));
            } else if (kind < 52) {
                s.append((char) oneOf(r, 0, 7, 9, 10, 11, 12, 13, 27, 31, 127, 0x85, r.nextInt(0x20)).intValue());
            } else if (kind < 77) {
                s.append((char) r.nextInt(0x10000));
            } else if (kind < 90) {
                s.append((char) (0xA0 + r.nextInt(0x2000 - 0xA0)));
            } else {
                s.appendCodePoint(0x10000 + r.nextInt(Character.MAX_CODE_POINT - 0x10000 + 1));
            }
        }
        return s.toString();
    }

    /** {@code text} with control characters, surrogates and other non-printables as {@code \\uXXXX}, for messages. */
    static String visible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || Character.isISOControl(c) || Character.isSurrogate(c)
                    || Character.getType(c) == Character.FORMAT || c == '\uFFFE' || c == '\uFFFF') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Java source for {@code text}, to paste into a regression test. */
    static String javaLiteral(String text) {
        return "\"" + visible(text).replace("\"", "\\\"") + "\"";
    }

    /**
     * Runs {@code check} on each input, carrying on past failures; fails at the end with how many
     * inputs failed and the first {@link #SHOWN_FAILURES} of them (input and assertion message).
     */
    static <T> void forAll(String test, long seed, List<T> inputs, Function<T, String> describe,
                           ThrowingConsumer<T> check) {
        List<String> failures = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < inputs.size(); i++) {
            T input = inputs.get(i);
            try {
                check.accept(input);
            } catch (Throwable t) {
                if (t instanceof VirtualMachineError vme) {
                    throw vme;
                }
                failed++;
                if (failures.size() < SHOWN_FAILURES) {
                    failures.add("  #" + i + " input: " + describe.apply(input) + "\n      -> " + t);
                }
            }
        }
        if (failed > 0) {
            throw new AssertionError(test + ": " + failed + " of " + inputs.size() + " inputs failed, "
                    + replay(seed) + "; the first " + failures.size() + ":\n" + String.join("\n", failures));
        }
    }

    @FunctionalInterface
    interface ThrowingConsumer<T> {
        void accept(T t) throws Exception;
    }
}
