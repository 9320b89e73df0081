package iobench.testing;

import iobench.cli.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the command line, with what it printed: how the end-to-end tests run
 * bench against real servers and read its console.
 */
public record CliRun(int exitCode, String out, String err) {
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Cli.create(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    public static CliRun of(java.util.List<String> args) {
        return of(args.toArray(String[]::new));
    }

    /** The exit code and both streams, for an assertion's message. */
    public String context() {
        return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
}
