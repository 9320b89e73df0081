package iobench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.core.Labelled;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * No two packages of iobench import each other, directly or through others: the layers go one
 * way (a subpackage is a package of its own, so {@code bench} and {@code bench.load} may not
 * reach into each other either). The imports are the compiled classes' own, as jdeps reads them.
 */
class PackageCyclesTest {

    @Test
    void noPackageCycleInTheMainClasses() throws Exception {
        Path classes = mainClasses();
        assertTrue(Files.exists(classes), "no compiled main classes at " + classes);
        Map<String, Set<String>> imports = edges(jdeps("-verbose:package", classes.toString()));
        // A parse that found nothing would pass any layout: the tree has many packages using others.
        assertTrue(imports.size() > 5, "jdeps named only " + imports.keySet() + " as using other iobench packages");
        assertEquals(List.of(), cycles(imports), "package cycles (each a path back to its start)");
    }

    @Test
    void theCheckNamesACycleItIsGiven() {
        String output = """
                classes -> java.base
                   iobench.config                       -> iobench.http                         classes
                   iobench.config                       -> java.util                            java.base
                   iobench.http                         -> iobench.core                         classes
                   iobench.http                         -> iobench.config                       classes
                   iobench.bench                        -> iobench.bench.load                   classes
                   iobench.bench.load                   -> iobench.scenario                     classes
                   iobench.scenario                     -> iobench.bench                        classes
                   iobench.cli                          -> iobench.bench                        classes
                """;
        List<String> found = cycles(edges(output));
        assertEquals(List.of("iobench.bench -> iobench.bench.load -> iobench.scenario -> iobench.bench",
                "iobench.config -> iobench.http -> iobench.config"), found);
        // Without http's import of config, only the longer cycle is left.
        assertEquals(List.of("iobench.bench -> iobench.bench.load -> iobench.scenario -> iobench.bench"),
                cycles(edges(output.replace("iobench.http                         -> iobench.config", ""))));
    }

    /** Where the main classes are: the directory (or jar) that holds a class of theirs. */
    private static Path mainClasses() throws URISyntaxException {
        return Path.of(Labelled.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static String jdeps(String... args) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new AssertionError("no jdeps in this JDK (" + System.getProperty("java.home") + ")"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = jdeps.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertEquals(0, code, () -> "jdeps " + String.join(" ", args) + " failed: " + err + out);
        return out.toString();
    }

    /** Package to the other iobench packages it uses, from lines "   from   -> to   where". */
    static Map<String, Set<String>> edges(String jdepsOutput) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : jdepsOutput.split("\\R")) {
            String[] words = line.trim().split("\\s+");
            if (words.length >= 3 && words[1].equals("->") && ours(words[0]) && ours(words[2])
                    && !words[0].equals(words[2])) {
                edges.computeIfAbsent(words[0], k -> new TreeSet<>()).add(words[2]);
            }
        }
        return edges;
    }

    private static boolean ours(String pkg) {
        return pkg.equals("iobench") || pkg.startsWith("iobench.");
    }

    /**
     * One cycle per group of packages that reach each other (Tarjan's strongly connected
     * components), as the shortest path from the group's first package back to itself, and the
     * whole group when the path leaves some of it out.
     */
    static List<String> cycles(Map<String, Set<String>> edges) {
        List<String> cycles = new ArrayList<>();
        for (Set<String> group : new Components(edges).groups) {
            if (group.size() > 1) {
                List<String> loop = shortestLoop(group.iterator().next(), group, edges);
                // A group may hold more than one loop: name every package in it, so that none is missed.
                cycles.add(String.join(" -> ", loop)
                        + (loop.size() - 1 < group.size() ? " (the group: " + String.join(", ", group) + ")" : ""));
            }
        }
        cycles.sort(null);
        return cycles;
    }

    /** Breadth first within the group, from {@code start} back to it. */
    private static List<String> shortestLoop(String start, Set<String> group, Map<String, Set<String>> edges) {
        Map<String, String> cameFrom = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            String at = queue.poll();
            for (String next : edges.getOrDefault(at, Set.of())) {
                if (next.equals(start)) {
                    // Back from the last step to the start (which came from nowhere), then round to it again.
                    List<String> path = new ArrayList<>();
                    for (String p = at; p != null; p = cameFrom.get(p)) {
                        path.add(0, p);
                    }
                    path.add(start);
                    return path;
                }
                if (group.contains(next) && !next.equals(start) && cameFrom.putIfAbsent(next, at) == null) {
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException(start + " is in a cycle but no path leads back to it");
    }

    /** Tarjan's algorithm: the strongly connected components of the package graph, each sorted. */
    private static final class Components {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new TreeSet<>();
        private final List<Set<String>> groups = new ArrayList<>();

        Components(Map<String, Set<String>> edges) {
            this.edges = edges;
            edges.keySet().forEach(p -> {
                if (!index.containsKey(p)) {
                    visit(p);
                }
            });
        }

        private void visit(String p) {
            index.put(p, index.size());
            low.put(p, index.get(p));
            stack.push(p);
            onStack.add(p);
            for (String q : edges.getOrDefault(p, Set.of())) {
                if (!index.containsKey(q)) {
                    visit(q);
                    low.put(p, Math.min(low.get(p), low.get(q)));
                } else if (onStack.contains(q)) {
                    low.put(p, Math.min(low.get(p), index.get(q)));
                }
            }
            if (low.get(p).equals(index.get(p))) {
                Set<String> group = new TreeSet<>();
                String q;
                do {
                    q = stack.pop();
                    onStack.remove(q);
                    group.add(q);
                } while (!q.equals(p));
                groups.add(group);
            }
        }
    }
}
