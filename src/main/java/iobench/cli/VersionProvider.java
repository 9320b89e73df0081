package iobench.cli;

import iobench.run.RunEnvironment;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, with the JVM it runs on. */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "iobench " + RunEnvironment.version(),
            "JVM: " + System.getProperty("java.vm.name") + " " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
