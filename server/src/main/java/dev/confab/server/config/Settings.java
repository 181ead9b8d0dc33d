package dev.confab.server.config;

import java.util.EnumMap;
import java.util.Map;

/**
 * The raw value of every key after precedence was applied, and where each came from ("default", a file path,
 * an environment variable, a flag), for error messages and {@code --print-config}. Immutable.
 */
public final class Settings {
    /** One key's value and its origin. */
    public record Value(String value, String origin) {}

    private final Map<ConfigKey, Value> values;

    Settings(Map<ConfigKey, Value> values) {
        this.values = new EnumMap<>(values);
    }

    public String get(ConfigKey key) {
        return values.get(key).value();
    }

    public String origin(ConfigKey key) {
        return values.get(key).origin();
    }

    /** Every key as {@code key=value # origin}, secrets replaced by {@code <set>} or {@code <unset>}. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        for (ConfigKey key : ConfigKey.values()) {
            Value v = values.get(key);
            String shown = key.secret() ? (v.value().isEmpty() ? "<unset>" : "<set>") : v.value();
            out.append(key.key()).append('=').append(shown).append("  # ").append(v.origin()).append('\n');
        }
        return out.toString();
    }
}
