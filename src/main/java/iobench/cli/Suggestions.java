package iobench.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * "Did you mean" for a mistyped command or option: the names closest to what was typed by edit
 * distance, with two letters swapped counting as one edit ({@code bnech} is one edit from
 * {@code bench}). picocli's own guesses compare letter pairs and put {@code check} first for
 * {@code bnech}; they are the fallback when no name is that close.
 */
final class Suggestions {
    private Suggestions() {
    }

    /** "; did you mean bench?" or nothing, to append to the one error line. */
    static String of(CommandLine.ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()) {
            return "";
        }
        String typed = unmatched.getUnmatched().get(0);
        if (typed.startsWith("-") && typed.contains("=")) {
            typed = typed.substring(0, typed.indexOf('='));
        }
        List<String> names = closest(typed, candidates(ex.getCommandLine().getCommandSpec(), typed.startsWith("-")));
        if (names.isEmpty()) {
            names = unmatched.getSuggestions();
        }
        return names.isEmpty() ? "" : "; did you mean " + String.join(" or ", names) + "?";
    }

    /** The visible option names of the command, or its visible subcommands' names. */
    private static List<String> candidates(CommandSpec spec, boolean option) {
        List<String> names = new ArrayList<>();
        if (option) {
            spec.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    /** The names at the smallest distance from {@code typed}, if that is at most a third of its length (at least 1). */
    static List<String> closest(String typed, List<String> names) {
        int limit = Math.max(1, typed.replaceFirst("^-+", "").length() / 3);
        int best = Integer.MAX_VALUE;
        List<String> found = new ArrayList<>();
        for (String name : names) {
            int d = distance(typed, name);
            if (d > limit || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                found.clear();
            }
            if (!found.contains(name)) {
                found.add(name);
            }
        }
        return found;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
