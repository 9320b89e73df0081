package iobench.cli;

import iobench.config.ServerSettings;
import iobench.http.RunningServer;
import iobench.server.sync.SyncServer;
import picocli.CommandLine.Command;

@Command(name = "serve-virtual", mixinStandardHelpOptions = true,
        description = "Start the virtual-thread server: the sync server's blocking code, one virtual thread per request.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-virtual",
            "  curl 'http://127.0.0.1:8004/benchmark/io-test?delay=0.2&concurrent=10&strategy=parallel'"})
final class ServeVirtualCommand extends BenchServerCommand {
    @Override
    protected String role() {
        return "virtual";
    }

    @Override
    protected RunningServer start(ServerSettings settings, int port) {
        return SyncServer.startVirtual(settings, port);
    }
}
