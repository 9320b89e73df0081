package iobench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import iobench.bench.contender.RequestSpec;
import iobench.core.ExitException;
import iobench.http.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request of {@code bench --url}: {@code --method}, {@code --header} and {@code --body}
 * checked, and written as the target entry a scenario file would hold, so the same parser reads
 * them (placeholders, {@code ${NAME}} from the environment, the body's braces) as in a file.
 */
final class AdHocRequest {
    private static final String HEADER_FORM = "expected 'Name: value', such as 'Authorization: Bearer ${TOKEN}'";

    private AdHocRequest() {
    }

    /** {@code {name: "...", url: "...", method: "...", headers: {...}, body: "..."}}, every value a JSON string. */
    static String targetEntry(String name, String url, String method, List<String> headers, String body) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("name", name);
        entry.put("url", url);
        String verb = method(method);
        if (!verb.equals("GET")) {
            entry.put("method", verb);
        }
        Map<String, String> parsed = headers(headers);
        if (!parsed.isEmpty()) {
            entry.put("headers", parsed);
        }
        if (body != null) {
            if (verb.equals("GET") || verb.equals("HEAD")) {
                throw ExitException.invalidInput("--body with --method " + verb + ": a " + verb + " request has no body; "
                        + "expected --method POST, PUT, PATCH or DELETE with it");
            }
            entry.put("body", body);
        }
        try {
            return Json.MAPPER.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the ad-hoc target could not be written", e);
        }
    }

    private static String method(String method) {
        String verb = method == null ? "GET" : method.trim().toUpperCase(Locale.ROOT);
        if (!RequestSpec.METHODS.contains(verb)) {
            throw ExitException.invalidInput("--method '" + method + "' is not allowed; expected one of "
                    + String.join(", ", RequestSpec.METHODS));
        }
        return verb;
    }

    private static Map<String, String> headers(List<String> given) {
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        for (String header : given) {
            int colon = header.indexOf(':');
            String headerName = colon < 1 ? "" : header.substring(0, colon).trim();
            if (!RequestSpec.HEADER_NAME.matcher(headerName).matches()) {
                throw ExitException.invalidInput("--header '" + header + "' is not allowed; " + HEADER_FORM);
            }
            if (seen.contains(headerName.toLowerCase(Locale.ROOT))) {
                throw ExitException.invalidInput("--header '" + header + "': " + headerName + " is given twice; "
                        + "expected each header once");
            }
            seen.add(headerName.toLowerCase(Locale.ROOT));
            headers.put(headerName, header.substring(colon + 1).trim());
        }
        return headers;
    }
}
