package iobench.analysis;

import java.util.List;

/** Where and how a run was made: printed at the top of every report. */
public record Environment(
        String iobenchVersion,
        String jvm,
        int cores,
        String os,
        String scenariosSource,
        String startedAt,
        String command,
        List<String> servers,
        String peakResidentMemory,
        String isolation) {
    public Environment {
        servers = List.copyOf(servers);
    }
}
