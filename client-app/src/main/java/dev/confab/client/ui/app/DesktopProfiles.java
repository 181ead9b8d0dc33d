package dev.confab.client.ui.app;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.store.Profile;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's profiles: one per user name under a root directory, so anyone can sign in on this computer
 * and find their own history again, and a small file that remembers who signed in last and to which server (the
 * next start opens that account straight away).
 *
 * <p>Thread-safe: the remembered file is read and written under this object's lock, atomically.
 */
public final class DesktopProfiles {
    private static final Logger log = LoggerFactory.getLogger(DesktopProfiles.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** Who signed in last, and where. */
    public record Last(String username, String serverUrl) {}

    private final Path root;
    private final UnaryOperator<ClientConfig.Builder> configure;

    /**
     * @param root where the profiles and the remembered sign-in live
     * @param configure adjusts each client's configuration (tests seed randomness and shorten timeouts)
     */
    public DesktopProfiles(Path root, UnaryOperator<ClientConfig.Builder> configure) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.configure = Objects.requireNonNull(configure, "configure");
    }

    /** The desktop profiles under the user's data directory ({@code $XDG_DATA_HOME/confab/desktop}). */
    public static DesktopProfiles standard(Map<String, String> env) {
        Path profiles = Profile.named(Profile.DEFAULT_NAME, env).dir().getParent();
        return new DesktopProfiles(profiles.getParent().resolve("desktop"), UnaryOperator.identity());
    }

    public Path root() {
        return root;
    }

    /** Opens {@code username}'s profile (made if new) for {@code serverUrl}; nothing connects yet. */
    public ConfabClient open(String username, String serverUrl) {
        if (username == null || !USERNAME.matcher(username).matches() || username.startsWith(".")) {
            throw new IllegalArgumentException("A user name is 1-64 letters, digits, '.', '_' or '-'.");
        }
        Profile profile = new Profile(root.resolve("users").resolve(username));
        return ConfabClient.open(configure.apply(ClientConfig.builder(profile).serverUrl(serverUrl)).build());
    }

    /** Who signed in last, if anyone (and the file is readable). */
    public synchronized Optional<Last> last() {
        Path file = lastFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Ignoring the unreadable {}: {}", file, e.getMessage());
            return Optional.empty();
        }
        String username = p.getProperty("username");
        String server = p.getProperty("server");
        return username == null || server == null ? Optional.empty() : Optional.of(new Last(username, server));
    }

    /** Remembers {@code username} at {@code serverUrl} as the account to open next time. */
    public synchronized void remember(String username, String serverUrl) {
        Properties p = new Properties();
        p.setProperty("username", username);
        p.setProperty("server", serverUrl);
        try {
            Files.createDirectories(root);
            Path temp = Files.createTempFile(root, "last", ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                p.store(out, "The account the Confab desktop app opens at start");
            }
            Files.move(temp, lastFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + lastFile() + ": " + e.getMessage(), e);
        }
    }

    private Path lastFile() {
        return root.resolve("last-sign-in.properties");
    }
}
