package iobench;

import iobench.cli.Cli;

/** {@code java -jar iobench.jar ...}: everything else is in {@link Cli}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        LibraryDefaults.set();
        System.exit(Cli.execute(args));
    }
}
