package dev.confab.client.ui.app;

import dev.confab.client.core.ClientConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The desktop app's command line: {@code --server URL} (what the sign-in window proposes), {@code --data-dir DIR}
 * (where the profiles live), {@code --startup-marks FILE} (the benchmark's: when the sign-in window and the contact
 * list were first shown). Immutable.
 */
public record DesktopOptions(String server, Path dataDir, Path startupMarks) {
    /** Reads {@code args}; an unknown or incomplete option is an {@link IllegalArgumentException} naming it. */
    public static DesktopOptions parse(List<String> args) {
        String server = null;
        Path dataDir = null;
        Path marks = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (arg) {
                case "--server" -> server = required(arg, value);
                case "--data-dir" -> dataDir = Path.of(required(arg, value));
                case "--startup-marks" -> marks = Path.of(required(arg, value));
                default -> throw new IllegalArgumentException("Unknown option " + arg
                        + ". Confab takes --server URL and --data-dir DIR.");
            }
            i++;
        }
        return new DesktopOptions(server, dataDir, marks);
    }

    /** The profiles: under {@link #dataDir()} when given, else the user's data directory. */
    public DesktopProfiles profiles(Map<String, String> env) {
        return dataDir == null ? DesktopProfiles.standard(env)
                : new DesktopProfiles(dataDir, java.util.function.UnaryOperator.identity());
    }

    /** The server the sign-in window proposes when no one signed in before. */
    public String serverOrDefault() {
        return Optional.ofNullable(server).orElse(ClientConfig.DEFAULT_SERVER);
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return value;
    }
}
