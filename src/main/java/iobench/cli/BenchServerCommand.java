package iobench.cli;

import java.util.Map;
import picocli.CommandLine.Option;

/** The servers that fan out to the sim: they share --sim-url and --max-concurrent. */
abstract class BenchServerCommand extends ServeCommand {
    @Option(names = "--sim-url", paramLabel = "URL",
            description = "Base URL of the simulation server (default http://127.0.0.1:8001). Never taken from a request.")
    String simUrl;

    @Option(names = "--max-concurrent", paramLabel = "K", description = "Largest fan-out a request may ask for (default 1000).")
    Integer maxConcurrent;

    @Override
    protected final void overrides(Map<String, Object> overrides) {
        overrides.put("sim-url", simUrl);
        overrides.put("max-concurrent", maxConcurrent);
        moreOverrides(overrides);
    }

    protected void moreOverrides(Map<String, Object> overrides) {
    }
}
