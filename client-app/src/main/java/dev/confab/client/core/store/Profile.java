package dev.confab.client.core.store;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where one client profile lives: a directory holding {@code store.db} (the encrypted SQLite store),
 * {@code store.key} (its key) and {@code confab.log}. The default directory for profile {@code name} is
 * {@code $XDG_DATA_HOME/confab/profiles/<name>}, else {@code ~/.local/share/confab/profiles/<name>}.
 * The directory is made owner-only (0700) where the file system supports POSIX permissions.
 *
 * <p>Immutable; safe to share between threads. {@link #create()} touches the file system and may run from any thread.
 *
 * @param dir the profile directory
 */
public record Profile(Path dir) {
    /** The profile used when none is named. */
    public static final String DEFAULT_NAME = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    public Profile {
        Objects.requireNonNull(dir, "dir");
        dir = dir.toAbsolutePath().normalize();
    }

    /** The profile directory for {@code name} under the user's data directory, from {@code env}. */
    public static Profile named(String name, Map<String, String> env) {
        if (name == null || !NAME.matcher(name).matches() || name.startsWith(".")) {
            throw new IllegalArgumentException("A profile name is 1-64 letters, digits, '.', '_' or '-' (got '" + name + "')");
        }
        String xdg = env.get("XDG_DATA_HOME");
        Path base;
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            base = Path.of(xdg);
        } else {
            String home = env.getOrDefault("HOME", System.getProperty("user.home"));
            base = Path.of(home, ".local", "share");
        }
        return new Profile(base.resolve("confab").resolve("profiles").resolve(name));
    }

    public Path database() {
        return dir.resolve("store.db");
    }

    public Path keyFile() {
        return dir.resolve("store.key");
    }

    public Path logFile() {
        return dir.resolve("confab.log");
    }

    /** Whether the profile has a store yet. */
    public boolean exists() {
        return Files.exists(database());
    }

    /** Makes the directory (and its parents) if needed, owner-only. */
    public void create() {
        try {
            Files.createDirectories(dir);
            if (posix()) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new StoreException("Cannot create the profile directory " + dir + ": " + e.getMessage(), e);
        }
    }

    static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
