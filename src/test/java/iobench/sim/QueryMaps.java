package iobench.sim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A query string as Javalin's {@code queryParamMap()} gives it, for tests that skip the server. */
final class QueryMaps {
    private QueryMaps() {
    }

    static Map<String, List<String>> parse(String query) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            map.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return map;
    }
}
