package iobench.sim;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.http.RunningServer;
import iobench.testing.Http.Answer;
import iobench.testing.Http;
import iobench.testing.TestSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code POST /profile} with a JSON body, over real HTTP: what it takes, and the 400s that keep the old profile. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(30)
class ProfileBodyTest {
    /** Set before each test, so a refused request that reset the profile anyway would show. */
    private static final String KNOWN = "/profile?dist=uniform&min=0.1&max=0.3&error_rate=0.25&seed=42";

    private final Http http = new Http();
    private RunningServer sim;

    @BeforeAll
    void startSim() {
        sim = SimServer.start(TestSettings.loopback(), 0);
    }

    @BeforeEach
    void setKnownProfile() {
        Answer set = http.post(sim.baseUri(), KNOWN);
        assertEquals(200, set.status(), set.body());
    }

    @AfterAll
    void closeSim() {
        sim.close();
    }

    @Test
    void aJsonBodyTakesTimesWithTheirUnitAsTheIssueWritesThem() {
        Answer set = http.post(sim.baseUri(), "/profile", "{\"profile\": \"llm-api\", \"p99\": \"2s\", \"stall\": \"250ms\","
                + " \"stall_every\": \"30s\"}");

        assertEquals(200, set.status(), set.body());
        Answer shown = http.get(sim.baseUri(), "/profile");
        assertAll(
                () -> assertEquals(2.0, shown.json().path("p99").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(0.25, shown.json().path("stall").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(30.0, shown.json().path("stall_every").asDouble(), 1e-9, shown.body()));
    }

    @Test
    void aJsonBodySetsTheProfileWithTheQueryNamesNumbersAndStringsAlike() {
        Answer set = http.post(sim.baseUri(), "/profile",
                "{\"profile\": \"llm-api\", \"p99\": 2, \"error_rate\": \"0.5\", \"seed\": 7, \"stall_every\": \"30\","
                        + " \"stall\": 1.5}");

        assertEquals(200, set.status(), set.body());
        Answer shown = http.get(sim.baseUri(), "/profile");
        assertAll(
                () -> assertEquals("lognormal", shown.json().path("dist").asText(), shown.body()),
                () -> assertEquals(0.8, shown.json().path("delay").asDouble(), 1e-9, "llm-api's median: " + shown.body()),
                () -> assertEquals(2.0, shown.json().path("p99").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(0.5, shown.json().path("error_rate").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(30.0, shown.json().path("stall_every").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(1.5, shown.json().path("stall").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(7, shown.json().path("seed").asLong(), shown.body()));
    }

    @Test
    void aBodyAndTheSameQueryGiveTheSameProfile() {
        Answer byBody = http.post(sim.baseUri(), "/profile", "{\"dist\": \"normal\", \"delay\": 0.2, \"p99\": \"0.4\"}");
        String fromBody = http.get(sim.baseUri(), "/profile").json().path("query").asText();
        Answer byQuery = http.post(sim.baseUri(), "/profile?dist=normal&delay=0.2&p99=0.4");
        String fromQuery = http.get(sim.baseUri(), "/profile").json().path("query").asText();

        assertEquals(200, byBody.status(), byBody.body());
        assertEquals(200, byQuery.status(), byQuery.body());
        assertEquals(fromQuery, fromBody);
        assertTrue(fromBody.startsWith("dist=normal&delay=0.200&p99=0.400"), fromBody);
    }

    @Test
    void theSimWideProfileSetByBodyAppliesToRequests() {
        Answer set = http.post(sim.baseUri(), "/profile", "{\"error_rate\": 1}");
        assertEquals(200, set.status(), set.body());

        Answer call = http.get(sim.baseUri(), "/slow-io?delay=0");

        assertEquals(500, call.status(), call.body());
        assertEquals("injected-500", call.json().path("fault").asText(), call.body());
    }

    @ParameterizedTest(name = "[{index}] body {0} -> 200 and the defaults, as before bodies were read")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {"``", "`   `", "{}"})
    void noParametersAtAllSetTheDefaultProfileAsBefore(String body) {
        Answer set = http.post(sim.baseUri(), "/profile", body);

        assertEquals(200, set.status(), set.body());
        Answer shown = http.get(sim.baseUri(), "/profile");
        assertEquals("as-requested", shown.json().path("dist").asText(), shown.body());
        assertEquals(0.0, shown.json().path("error_rate").asDouble(), shown.body());
    }

    @ParameterizedTest(name = "[{index}] {0} {1} -> 400 naming {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "/profile | garbage{ | body | not JSON",
            "/profile | profile=llm-api | body | not JSON",
            "/profile | [\"llm-api\"] | body | not an object",
            "/profile | \"llm-api\" | body | not an object",
            "/profile | null | body | not an object",
            "/profile | {\"profile\": \"llm-api\"} trailing | body | not JSON",
            "/profile | {\"seed\": 1, \"seed\": 2} | body | not JSON",
            "/profile | {\"profile\": \"llm-apii\"} | profile | llm-api",
            "/profile | {\"profil\": \"llm-api\"} | profil | no parameter of this name",
            "/profile | {\"request_id\": \"x\"} | request_id | no parameter of this name",
            "/profile | {\"error_rate\": true} | error_rate | from 0 to 1",
            "/profile | {\"error_rate\": null} | error_rate | from 0 to 1",
            "/profile | {\"error_rate\": [0.1]} | error_rate | from 0 to 1",
            "/profile | {\"delay\": 61} | delay | from 0 to 60",
            "/profile | {\"dist\": \"lognormal\", \"delay\": 0.1, \"p99\": \"2 minutes\"} | p99 | seconds",
            "/profile | {\"seed\": 7.5} | seed | integer",
            "/profile?seed=3 | {\"profile\": \"llm-api\"} | body | not both",
            "/profile?profil=llm-api | `` | profil | no parameter of this name"})
    void whatCannotBeReadIsA400NamingItAndTheOldProfileStays(String path, String body, String parameter,
                                                              String allowedMentions) {
        Answer answer = http.post(sim.baseUri(), path, body);

        assertEquals(400, answer.status(), answer.body());
        assertAll(
                () -> assertEquals(parameter, answer.json().path("parameter").asText(), answer.body()),
                () -> assertTrue(answer.json().path("allowed").asText().contains(allowedMentions), answer.body()),
                () -> assertTrue(answer.json().path("error").asText().startsWith("parameter '" + parameter + "'"),
                        answer.body()));
        Answer shown = http.get(sim.baseUri(), "/profile");
        assertAll("the profile set before is still in force",
                () -> assertEquals("uniform", shown.json().path("dist").asText(), shown.body()),
                () -> assertEquals(0.25, shown.json().path("error_rate").asDouble(), 1e-9, shown.body()),
                () -> assertEquals(42, shown.json().path("seed").asLong(), shown.body()));
    }
}
