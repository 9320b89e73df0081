package iobench.bench.contender;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.core.ServerRole;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContenderTest {
    @Test
    void builtInIsTheServerOfThatLabelInAnyCaseAndNoneForTheSimOrATarget() {
        for (String name : List.of("sync", "ASYNC", "Virtual", "sim", "Sim", "api", "sync2", "a-b_c.d")) {
            assertEquals(ServerRole.contenderFromLabel(name), new Contender(name).builtIn(), name);
        }
        assertEquals(ServerRole.SYNC, new Contender("Sync").builtIn());
    }
}
