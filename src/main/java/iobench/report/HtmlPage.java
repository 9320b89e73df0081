package iobench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import iobench.report.doc.HtmlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

/**
 * The frame of report.html and compare.html: one self-contained file. uPlot (MIT; the webjar on
 * the classpath), the page's own script and style (resources beside this class) and the data (JSON)
 * are inlined when the file is written, so the page opens from disk with no network. The data sits
 * in a {@code <script type="application/json">} element with {@code <}, {@code >}, {@code &} and
 * the line separators escaped as {@code \\uXXXX}, so nothing in it can end that element; the
 * inlined code is checked to hold no {@code </script} either.
 */
final class HtmlPage {
    static final String DATA_ID = "iobench-data";
    private static final String WEBJAR = "META-INF/resources/webjars/uplot/";
    private static final String WEBJAR_POM = "META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final String OWN = "iobench/report/html/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Written first in the head: every script error and rejected promise is kept and shown. */
    private static final String ERROR_CATCHER = "window.iobenchErrors=[];"
            + "window.addEventListener('error',function(e){window.iobenchErrors.push(String(e.message||e));});"
            + "window.addEventListener('unhandledrejection',function(e){"
            + "window.iobenchErrors.push('unhandled rejection: '+String(e.reason));});";

    private HtmlPage() {
    }

    /**
     * @param title the page's title (text)
     * @param body  the page's body (HTML, escaped already)
     * @param data  what the page's script draws from
     */
    static String document(String title, String body, JsonNode data) {
        String version = uplotVersion();
        StringBuilder html = new StringBuilder(256 * 1024);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(title)).append("</title>\n")
                .append("<style>\n").append(inlinable(resource(WEBJAR + version + "/dist/uPlot.min.css"), "style"))
                .append("\n</style>\n")
                .append("<style>\n").append(inlinable(resource(OWN + "page.css"), "style")).append("</style>\n")
                .append("<script>").append(ERROR_CATCHER).append("</script>\n")
                .append("</head>\n<body>\n")
                .append(body)
                .append("<script type=\"application/json\" id=\"").append(DATA_ID).append("\">")
                .append(scriptJson(data)).append("</script>\n")
                .append("<script>\n/* uPlot ").append(escape(version))
                .append(", MIT License, (c) Leon Sorokin: https://github.com/leeoniya/uPlot */\n")
                .append(inlinable(resource(WEBJAR + version + "/dist/uPlot.iife.min.js"), "script"))
                .append("\n</script>\n")
                .append("<script>\n").append(inlinable(resource(OWN + "page.js"), "script")).append("</script>\n")
                .append("</body>\n</html>\n");
        return html.toString();
    }

    /** The uPlot version of the webjar on the classpath. */
    static String uplotVersion() {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            if (in == null) {
                throw new IllegalStateException("uPlot is missing from the classpath (" + WEBJAR_POM + ")");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String path) {
        try (InputStream in = HtmlPage.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Code for a script or style element, refused if it could end that element early. */
    static String inlinable(String code, String element) {
        String lower = code.toLowerCase(Locale.ROOT);
        if (lower.contains("</" + element) || lower.contains("<!--") || lower.contains("<script")) {
            throw new IllegalStateException("cannot inline code that contains </" + element + ", <!-- or <script");
        }
        return code;
    }

    /** Text or an attribute value as HTML. */
    static String escape(String text) {
        return HtmlWriter.escape(text);
    }

    /** JSON that can stand inside a script element: no {@code <}, {@code >} or {@code &} in it. */
    static String scriptJson(JsonNode data) {
        try {
            return JSON.writer().with(new ScriptEscapes()).writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class ScriptEscapes extends CharacterEscapes {
        private final int[] ascii = standardAsciiEscapesForJSON();

        ScriptEscapes() {
            ascii['<'] = ESCAPE_STANDARD;
            ascii['>'] = ESCAPE_STANDARD;
            ascii['&'] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return ch == 0x2028 || ch == 0x2029
                    ? new com.fasterxml.jackson.core.io.SerializedString(String.format("\\u%04x", ch)) : null;
        }
    }
}
