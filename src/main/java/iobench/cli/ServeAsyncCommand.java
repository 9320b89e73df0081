package iobench.cli;

import iobench.config.ServerSettings;
import iobench.http.RunningServer;
import iobench.server.async.AsyncServer;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve-async", mixinStandardHelpOptions = true,
        description = "Start the async server: Helidon SE 3 reactive, all downstream calls at once, no thread blocked.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-async --event-loops 2",
            "  curl 'http://127.0.0.1:8003/benchmark/io-test?delay=0.2&concurrent=10'"})
final class ServeAsyncCommand extends BenchServerCommand {
    @Option(names = "--event-loops", paramLabel = "N",
            description = "Netty event-loop threads, for the server and for its client each (default 2).")
    Integer eventLoops;

    @Override
    protected String role() {
        return "async";
    }

    @Override
    protected void moreOverrides(Map<String, Object> overrides) {
        overrides.put("async-event-loops", eventLoops);
    }

    @Override
    protected RunningServer start(ServerSettings settings, int port) {
        return AsyncServer.start(settings, port);
    }
}
