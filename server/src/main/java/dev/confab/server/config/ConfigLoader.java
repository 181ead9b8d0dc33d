package dev.confab.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Merges the four sources of configuration with the precedence flags &gt; environment &gt; file &gt; defaults.
 * The file is the one named by {@code --config}, else {@code <data-dir>/confab-server.properties} when it exists.
 * Unknown keys in a file or a flag are errors; unknown {@code CONFAB_*} variables are ignored (other programs
 * may use the prefix). Stateless; the environment and home directory are passed in so tests control them.
 */
public final class ConfigLoader {
    /** The file looked for in the data directory when {@code --config} is not given. */
    public static final String DEFAULT_FILE_NAME = "confab-server.properties";

    private final Map<String, String> environment;
    private final String userHome;

    public ConfigLoader(Map<String, String> environment, String userHome) {
        this.environment = Map.copyOf(environment);
        this.userHome = userHome;
    }

    /** The loader for this process. */
    public static ConfigLoader forProcess() {
        return new ConfigLoader(System.getenv(), System.getProperty("user.home"));
    }

    /**
     * Loads the settings.
     *
     * @param flags      key/value pairs from the command line ({@code --set} and the named flags), in order
     * @param configFile the file named by {@code --config}, if any; it must exist
     */
    public Settings load(Map<String, String> flags, Optional<Path> configFile) {
        Map<ConfigKey, Settings.Value> fromFlags = known(flags, "command line");
        Map<ConfigKey, Settings.Value> fromEnv = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            String value = environment.get(key.environmentVariable());
            if (value != null) {
                fromEnv.put(key, new Settings.Value(value.strip(), "environment " + key.environmentVariable()));
            }
        }
        Path file = configFile.orElseGet(() -> {
            String dataDir = pick(ConfigKey.DATA_DIR, fromFlags, fromEnv, Map.of()).orElse(defaultDataDir());
            Path candidate = Path.of(dataDir).resolve(DEFAULT_FILE_NAME);
            return Files.isRegularFile(candidate) ? candidate : null;
        });
        Map<ConfigKey, Settings.Value> fromFile = file == null ? Map.of() : known(readFile(file), file.toString());

        Map<ConfigKey, Settings.Value> merged = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            Settings.Value value = firstOf(key, fromFlags, fromEnv, fromFile);
            if (value == null || (key == ConfigKey.DATA_DIR && value.value().isEmpty())) {
                String def = key == ConfigKey.DATA_DIR ? defaultDataDir() : key.defaultValue();
                value = new Settings.Value(def, "default");
            }
            merged.put(key, value);
        }
        return new Settings(merged);
    }

    /** {@code $XDG_DATA_HOME/confab-server}, or {@code ~/.local/share/confab-server}. */
    public String defaultDataDir() {
        String xdg = environment.get("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "confab-server").toString();
        }
        return Path.of(userHome, ".local", "share", "confab-server").toString();
    }

    private static Optional<String> pick(ConfigKey key, Map<ConfigKey, Settings.Value> flags,
            Map<ConfigKey, Settings.Value> env, Map<ConfigKey, Settings.Value> file) {
        Settings.Value v = firstOf(key, flags, env, file);
        return v == null || v.value().isEmpty() ? Optional.empty() : Optional.of(v.value());
    }

    @SafeVarargs
    private static Settings.Value firstOf(ConfigKey key, Map<ConfigKey, Settings.Value>... sources) {
        for (Map<ConfigKey, Settings.Value> source : sources) {
            Settings.Value v = source.get(key);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Map<ConfigKey, Settings.Value> known(Map<String, String> raw, String origin) {
        Map<ConfigKey, Settings.Value> out = new EnumMap<>(ConfigKey.class);
        raw.forEach((name, value) -> {
            ConfigKey key = ConfigKey.byName(name.strip()).orElseThrow(() -> new ConfigException(name,
                    "Unknown configuration key '" + name + "' (from " + origin + "); see confab-server.example.properties"
                            + " or --print-config for the known keys"));
            out.put(key, new Settings.Value(value == null ? "" : value.strip(), origin));
        });
        return out;
    }

    private static Map<String, String> readFile(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigException(null, "Cannot read the configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> out = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(name -> out.put(name, properties.getProperty(name)));
        return out;
    }
}
