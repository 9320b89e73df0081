package iobench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import iobench.bench.load.Schedule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pure split of a run into segments: their union is the one-machine run, exactly. */
class SegmentTest {
    /** The intended send times a segment's rate run walks: its own arrivals of the one-machine schedule. */
    private static List<Long> sendTimes(Schedule schedule, long count, Segment segment) {
        List<Long> times = new ArrayList<>();
        for (long n = segment.firstArrival(); n < count; n += segment.count()) {
            // Arrival k of the one-machine schedule belongs to segment (k mod N) + 1.
            assertEquals(segment.index() - 1, n % segment.count(), "arrival " + n + " of " + segment);
            times.add(schedule.intendedNs(n));
        }
        return times;
    }

    @Test
    void theUnionOfTheSegmentsSendTimesIsTheOneMachineSchedule() {
        for (int rate : new int[] {1, 7, 200, 1000}) {
            for (long durationMs : new long[] {1, 999, 2000}) {
                for (int n = 1; n <= 5; n++) {
                    Schedule schedule = new Schedule(123_456_789L, rate);
                    long count = Schedule.count(rate, durationMs);
                    List<Long> union = new ArrayList<>();
                    long shares = 0;
                    for (int i = 1; i <= n; i++) {
                        Segment segment = new Segment(i, n);
                        List<Long> mine = sendTimes(schedule, count, segment);
                        assertEquals(segment.shareOf(count), mine.size(), "segment " + segment + " arrivals");
                        union.addAll(mine);
                        shares += segment.shareOf(rate);
                    }
                    List<Long> whole = sendTimes(schedule, count, Segment.WHOLE);
                    union.sort(null);
                    assertEquals(whole, union, "rate " + rate + ", " + durationMs + " ms, " + n + " segments");
                    assertEquals(rate, shares, "the segments' offered rates add up to the rate");
                }
            }
        }
    }

    @Test
    void clientsAndRequestsSplitEvenlyWithTheRemainderToTheLowestSegments() {
        assertEquals(List.of(4, 3, 3), shares(10, 3));
        assertEquals(List.of(1, 1, 0), shares(2, 3));
        assertEquals(List.of(34, 33, 33), shares(100, 3));
        for (int total = 0; total < 50; total++) {
            for (int n = 1; n <= 6; n++) {
                List<Integer> s = shares(total, n);
                assertEquals(total, s.stream().mapToInt(Integer::intValue).sum());
                assertTrue(s.get(0) - s.get(n - 1) <= 1, "even: " + s);
            }
        }
    }

    /** Fewer clients than segments once lost the requests of the segments without a client. */
    @Test
    void aClientsRunsRequestsAllGoToSegmentsWithClientsAndSumToTheWhole() {
        assertEquals(List.of(10, 0), requests(1, 10, 2), "1 client, 10 requests over 2 segments");
        for (int c = 1; c <= 30; c++) {
            for (int r = c; r <= 30; r++) {
                for (int n = 1; n <= 5; n++) {
                    int clients = 0;
                    int requests = 0;
                    for (int i = 1; i <= n; i++) {
                        Segment segment = new Segment(i, n);
                        int myClients = segment.clientsShare(c);
                        int myRequests = segment.requestsShare(c, r);
                        String where = "clients " + c + ", requests " + r + ", segment " + segment;
                        if (myRequests > 0) {
                            assertTrue(myClients >= 1, where + ": requests without a client");
                            assertTrue(myRequests >= myClients, where + ": fewer requests than clients");
                        } else {
                            assertEquals(0, myClients, where + ": clients without requests");
                        }
                        clients += myClients;
                        requests += myRequests;
                    }
                    assertEquals(c, clients, "clients " + c + " over " + n);
                    assertEquals(r, requests, "requests " + r + " over " + n + " with " + c + " clients");
                }
            }
        }
    }

    private static List<Integer> requests(int clients, int total, int n) {
        List<Integer> s = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            s.add(new Segment(i, n).requestsShare(clients, total));
        }
        return s;
    }

    private static List<Integer> shares(int total, int n) {
        List<Integer> s = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            s.add(new Segment(i, n).shareOf(total));
        }
        return s;
    }

    @Test
    void aFanOutsOneRequestGoesToTheLowestSegment() {
        assertEquals(1, new Segment(1, 3).fanOutRequests());
        assertEquals(0, new Segment(2, 3).fanOutRequests());
        assertEquals(0, new Segment(3, 3).fanOutRequests());
        assertEquals(1, Segment.WHOLE.fanOutRequests());
    }

    @Test
    void parsesIOfNAndRefusesEverythingElseNamingTheValueAndTheForm() {
        assertEquals(new Segment(2, 3), Segment.parse("2/3"));
        assertEquals(new Segment(1, 1), Segment.parse(" 1/1 "));
        for (String bad : new String[] {"0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3", "", "/", "2/"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Segment.parse(bad));
            assertEquals("--segment " + bad + " is not usable; expected I/N with 1 <= I <= N", e.getMessage());
        }
    }
}
