package iobench.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --config}: the settings file of every command that starts servers (bench and serve-*). */
final class ConfigOption {
    @Option(names = "--config", paramLabel = "FILE",
            description = "A settings file (YAML, same keys as config/iobench.yaml) layered over the defaults.")
    Path file;

    /** The file given, or null for the defaults and the environment alone. */
    Path file() {
        return file;
    }
}
