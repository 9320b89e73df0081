package iobench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Builds {@link ServerSettings} from its layers, the later winning: the defaults packaged in
 * the jar ({@code config/iobench.yaml}), an optional file, environment variables
 * ({@code IOBENCH_SIM_URL} for {@code sim-url}) and command-line overrides.
 */
public final class SettingsLoader {
    public static final String DEFAULTS_RESOURCE = "/iobench.yaml";
    public static final String ENV_PREFIX = "IOBENCH_";
    private static final YAMLMapper YAML = new YAMLMapper();

    private SettingsLoader() {
    }

    /** Thrown for a setting that cannot be used; the message is meant for the console as it is. */
    public static final class SettingsException extends IllegalArgumentException {
        public SettingsException(String message) {
            super(message);
        }
    }

    /**
     * @param file      a settings file, or null
     * @param env       the environment (only {@code IOBENCH_*} entries are read)
     * @param overrides the values given as options
     */
    public static ServerSettings load(Path file, Map<String, String> env, SettingsOverrides overrides) {
        return load(file, env, overrides.byKey());
    }

    /**
     * @param file      a settings file, or null
     * @param env       the environment (only {@code IOBENCH_*} entries are read)
     * @param overrides values by settings key (as in the file); null values are ignored
     */
    public static ServerSettings load(Path file, Map<String, String> env, Map<String, ?> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        readYaml(DEFAULTS_RESOURCE, openDefaults(), values, false);
        if (file != null) {
            if (!Files.isReadable(file)) {
                throw new SettingsException("config file " + file + " cannot be read; give a readable YAML file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                readYaml(file.toString(), in, values, true);
            } catch (IOException e) {
                throw new SettingsException("config file " + file + " cannot be read: " + e.getMessage());
            }
        }
        for (String key : values.keySet()) {
            String fromEnv = env.get(envName(key));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(key, fromEnv.trim());
            }
        }
        overrides.forEach((key, value) -> {
            if (value != null) {
                if (!values.containsKey(key)) {
                    throw new IllegalStateException("no setting named " + key);
                }
                values.put(key, value.toString());
            }
        });
        return build(values);
    }

    public static String envName(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private static InputStream openDefaults() {
        InputStream in = SettingsLoader.class.getResourceAsStream(DEFAULTS_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("the jar lacks " + DEFAULTS_RESOURCE);
        }
        return in;
    }

    private static void readYaml(String source, InputStream in, Map<String, String> values, boolean knownKeysOnly) {
        JsonNode root;
        try (in) {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new SettingsException("config file " + source + " is not valid YAML: "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            return;
        }
        if (!(root instanceof ObjectNode object)) {
            throw new SettingsException("config file " + source + " must be a map of settings (key: value)");
        }
        var names = object.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            JsonNode value = object.get(key);
            if (knownKeysOnly && !values.containsKey(key)) {
                throw new SettingsException("config file " + source + " has an unknown setting '" + key
                        + "'; known settings: " + String.join(", ", new TreeSet<>(values.keySet())));
            }
            if (!value.isValueNode()) {
                throw new SettingsException("config file " + source + ": setting '" + key + "' must be a single value");
            }
            values.put(key, value.asText());
        }
    }

    private static ServerSettings build(Map<String, String> v) {
        try {
            return new ServerSettings(
                    v.get("host"),
                    integer(v, "sim-port"),
                    integer(v, "sync-port"),
                    integer(v, "async-port"),
                    integer(v, "virtual-port"),
                    uri(v, "sim-url"),
                    millis(v, "max-delay-s"),
                    integer(v, "max-concurrent"),
                    millis(v, "gate-timeout-s"),
                    integer(v, "sim-blocking-threads"),
                    integer(v, "sync-threads"),
                    integer(v, "fanout-threads"),
                    integer(v, "async-event-loops"),
                    millis(v, "downstream-timeout-extra-s"),
                    millis(v, "idle-timeout-s"));
        } catch (SettingsException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new SettingsException(e.getMessage());
        }
    }

    private static int integer(Map<String, String> v, String key) {
        return parsed(v, key, Integer::parseInt, "a whole number");
    }

    private static long millis(Map<String, String> v, String key) {
        return parsed(v, key, text -> {
            double seconds = Double.parseDouble(text);
            if (!Double.isFinite(seconds)) {
                throw new NumberFormatException();
            }
            return Math.round(seconds * 1000.0);
        }, "a number of seconds");
    }

    private static URI uri(Map<String, String> v, String key) {
        return parsed(v, key, text -> {
            URI uri = URI.create(text);
            String path = uri.getPath() == null ? "" : uri.getPath();
            // The base URL only: endpoints are appended by the caller.
            return path.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : uri;
        }, "a URL such as http://127.0.0.1:8001");
    }

    /** The setting parsed from its trimmed text; one message for any value that cannot be, naming the key. */
    private static <T> T parsed(Map<String, String> v, String key, Function<String, T> parse, String expected) {
        String raw = v.get(key);
        try {
            return parse.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new SettingsException("setting " + key + " = '" + raw + "' is not " + expected);
        }
    }
}
