package iobench.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import iobench.core.ServerRole;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsOverridesTest {

    @Test
    void thePortGivenIsTheServedRolesPort() {
        SettingsOverrides given = SettingsOverrides.listen("0.0.0.0", ServerRole.ASYNC, 9003, null);

        assertEquals(Map.of("host", "0.0.0.0", "async-port", 9003), given.byKey());
        assertEquals(9003, SettingsLoader.load(null, Map.of(), given).port(ServerRole.ASYNC));
    }

    @Test
    void laterValuesWinAndValuesNotGivenAreKept() {
        SettingsOverrides merged = SettingsOverrides.syncPools(4, 16).and(SettingsOverrides.syncPools(null, 20))
                .and(SettingsOverrides.eventLoops(3));

        assertEquals(Map.of("sync-threads", 4, "fanout-threads", 20, "async-event-loops", 3), merged.byKey());
    }

    @Test
    void typedOverridesLoadAsTheSameKeysWould() {
        SettingsOverrides typed = SettingsOverrides.fanOut("http://127.0.0.1:9001", 50)
                .and(SettingsOverrides.sim(2.5, 7));

        assertEquals(SettingsLoader.load(null, Map.of(), Map.of("sim-url", "http://127.0.0.1:9001",
                        "max-concurrent", 50, "gate-timeout-s", 2.5, "sim-blocking-threads", 7)),
                SettingsLoader.load(null, Map.of(), typed));
    }

    @Test
    void noneChangesNothing() {
        assertEquals(SettingsLoader.load(null, Map.of(), Map.of()),
                SettingsLoader.load(null, Map.of(), SettingsOverrides.NONE));
    }
}
