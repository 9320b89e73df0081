package iobench.cli;

import iobench.http.ServerRole;
import iobench.server.async.AsyncServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve-async", mixinStandardHelpOptions = true,
        description = "Start the async server: Helidon SE 3 reactive, all downstream calls at once, no thread blocked.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-async --event-loops 2",
            "  curl 'http://127.0.0.1:8003/benchmark/io-test?delay=0.2&concurrent=10'"})
final class ServeAsyncCommand implements Callable<Integer> {
    @Mixin
    ServeOptions serve;

    @Mixin
    FanOutOptions fanOut;

    @Mixin
    EventLoopOptions eventLoops;

    @Override
    public Integer call() throws InterruptedException {
        return serve.serve(ServerRole.ASYNC, fanOut.overrides().and(eventLoops.overrides()), AsyncServer::start);
    }
}
