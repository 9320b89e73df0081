package iobench.cli;

import iobench.http.ServerRole;
import iobench.sim.SimServer;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve-sim", mixinStandardHelpOptions = true,
        description = "Start the IO simulation server: answers after a delay without holding a thread.",
        footerHeading = "%nExamples:%n",
        footer = {"  iobench serve-sim",
            "  curl 'http://127.0.0.1:8001/slow-io?delay=0.5&request_id=a'",
            "  iobench serve-sim --host 0.0.0.0 --port 9001 --gate-timeout 10"})
final class ServeSimCommand implements Callable<Integer> {
    @Mixin
    ServeOptions serve;

    @Mixin
    SimOptions sim;

    @Override
    public Integer call() throws InterruptedException {
        return serve.serve(ServerRole.SIM, sim.overrides(), SimServer::start);
    }
}
