package iobench.http;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * What a server's {@code GET /stats} (and {@code POST /stats/reset}) answered, as {@link RuntimeStats}
 * writes it; -1 for a figure the answer does not give (or the server cannot know). Keys it does
 * not use are skipped.
 *
 * @param processCpuNs the server's CPU time, its process CPU clock
 * @param jitCompileMs its total JIT compilation time so far
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record StatsAnswer(Long allocatedBytes, Long heapUsedBytes, Integer peakThreads, Integer peakVirtualThreads,
                          Long processCpuNs, Double jitCompileMs) {
    /** No answer, or not one of ours. */
    public static final StatsAnswer NONE = new StatsAnswer(null, null, null, null, null, null);

    public StatsAnswer {
        allocatedBytes = allocatedBytes == null ? -1 : allocatedBytes;
        heapUsedBytes = heapUsedBytes == null ? -1 : heapUsedBytes;
        peakThreads = peakThreads == null ? -1 : peakThreads;
        peakVirtualThreads = peakVirtualThreads == null ? -1 : peakVirtualThreads;
        processCpuNs = processCpuNs == null ? -1 : processCpuNs;
        jitCompileMs = jitCompileMs == null ? -1 : jitCompileMs;
    }

    /** The answer's figures; {@link #NONE} for a body that is missing or not the stats JSON. */
    public static StatsAnswer read(String body) {
        if (body == null) {
            return NONE;
        }
        try {
            StatsAnswer answer = Json.MAPPER.readValue(body, StatsAnswer.class);
            return answer == null ? NONE : answer;
        } catch (Exception e) {
            return NONE;
        }
    }
}
