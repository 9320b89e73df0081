package iobench.cli;

import iobench.config.ServerSettings;
import iobench.http.RunningServer;
import iobench.sim.SimServer;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve-sim", mixinStandardHelpOptions = true,
        description = "Start the IO simulation server: answers after a delay without holding a thread.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-sim",
            "  curl 'http://127.0.0.1:8001/slow-io?delay=0.5&request_id=a'",
            "  iobench serve-sim --host 0.0.0.0 --port 9001 --gate-timeout 10"})
final class ServeSimCommand extends ServeCommand {
    @Option(names = "--gate-timeout", paramLabel = "SECONDS",
            description = "How long /concurrency/block waits for a release before it answers 504 (default 30).")
    Double gateTimeoutS;

    @Option(names = "--blocking-threads", paramLabel = "N",
            description = "Threads of the pool behind /slow-io-sync (default 40).")
    Integer blockingThreads;

    @Override
    protected String role() {
        return "sim";
    }

    @Override
    protected void overrides(Map<String, Object> overrides) {
        overrides.put("gate-timeout-s", gateTimeoutS);
        overrides.put("sim-blocking-threads", blockingThreads);
    }

    @Override
    protected RunningServer start(ServerSettings settings, int port) {
        return SimServer.start(settings, port);
    }
}
