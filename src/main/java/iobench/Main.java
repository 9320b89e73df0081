package iobench;

import iobench.cli.Cli;

/** {@code java -jar iobench.jar ...}: everything else is in {@link Cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(Cli.execute(args));
    }
}
