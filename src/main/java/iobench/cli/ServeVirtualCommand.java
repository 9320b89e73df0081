package iobench.cli;

import iobench.http.ServerRole;
import iobench.server.sync.SyncServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve-virtual", mixinStandardHelpOptions = true,
        description = "Start the virtual-thread server: the sync server's blocking code, one virtual thread per request.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-virtual",
            "  curl 'http://127.0.0.1:8004/benchmark/io-test?delay=0.2&concurrent=10&strategy=parallel'"})
final class ServeVirtualCommand implements Callable<Integer> {
    @Mixin
    ServeOptions serve;

    @Mixin
    FanOutOptions fanOut;

    @Override
    public Integer call() throws InterruptedException {
        return serve.serve(ServerRole.VIRTUAL, fanOut.overrides(), SyncServer::startVirtual);
    }
}
