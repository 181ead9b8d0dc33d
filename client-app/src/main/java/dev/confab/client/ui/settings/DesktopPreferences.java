package dev.confab.client.ui.settings;

import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.core.store.Profile;
import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop app's settings for one profile: the microphone, speaker and camera (by name; none chosen means the
 * system default devices and no camera), the camera mode, the theme, the notification sound and the main window's
 * geometry. Kept in {@value #FILE_NAME} in the profile directory, a small properties file written whole on every
 * change (to a temporary file, then moved over the old one, so a reader or a crash never sees half of it), readable
 * by the owner only. A file that cannot be read, or a value in it that makes no sense, gives the default and a logged
 * warning, never a failure; so does a write that fails (the choice still holds until the app ends).
 *
 * <p>Thread-safe: every method serializes on this object; setters write the file on the calling thread (a few hundred
 * bytes; fine on the UI thread).
 */
public final class DesktopPreferences {
    /** The file's name in the profile directory. */
    public static final String FILE_NAME = "desktop.properties";

    private static final Logger log = LoggerFactory.getLogger(DesktopPreferences.class);
    private static final Pattern MODE = Pattern.compile("(\\d{1,5})x(\\d{1,5})@(\\d{1,3})");
    private static final String MICROPHONE = "audio.microphone";
    private static final String SPEAKER = "audio.speaker";
    private static final String CAMERA = "video.camera";
    private static final String CAMERA_MODE = "video.camera-mode";
    private static final String THEME = "appearance.theme";
    private static final String NOTIFICATION_SOUND = "notifications.sound";
    private static final String WINDOW_X = "window.x";
    private static final String WINDOW_Y = "window.y";
    private static final String WINDOW_WIDTH = "window.width";
    private static final String WINDOW_HEIGHT = "window.height";
    private static final String WINDOW_MAXIMIZED = "window.maximized";
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private final Path file;
    private final Properties values;

    private DesktopPreferences(Path file, Properties values) {
        this.file = file;
        this.values = values;
    }

    /** The profile's settings, read from its directory (defaults when there is no file yet, or a bad one). */
    public static DesktopPreferences of(Profile profile) {
        return load(profile.dir().resolve(FILE_NAME));
    }

    /** The settings kept in {@code file}. */
    public static DesktopPreferences load(Path file) {
        Objects.requireNonNull(file, "file");
        Properties values = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            values.load(in);
        } catch (NoSuchFileException e) {
            // First run: defaults.
        } catch (IOException | IllegalArgumentException e) {
            log.warn("Settings file {} could not be read ({}); using the defaults", file, e.toString());
            values.clear();
        }
        return new DesktopPreferences(file, values);
    }

    /** The file the settings live in. */
    public Path file() {
        return file;
    }

    /** The chosen microphone; empty for the system default. */
    public synchronized Optional<String> microphone() {
        return text(MICROPHONE);
    }

    public synchronized void setMicrophone(Optional<String> name) {
        putText(MICROPHONE, name);
    }

    /** The chosen speaker; empty for the system default. */
    public synchronized Optional<String> speaker() {
        return text(SPEAKER);
    }

    public synchronized void setSpeaker(Optional<String> name) {
        putText(SPEAKER, name);
    }

    /** The chosen camera; empty for none (calls send no video). */
    public synchronized Optional<String> camera() {
        return text(CAMERA);
    }

    public synchronized void setCamera(Optional<String> name) {
        putText(CAMERA, name);
    }

    /** The size and frame rate calls ask of the camera; {@link CallVideo#DEFAULT_MODE} unless chosen. */
    public synchronized CameraMode cameraMode() {
        return text(CAMERA_MODE).flatMap(value -> parse(CAMERA_MODE, value, DesktopPreferences::mode))
                .orElse(CallVideo.DEFAULT_MODE);
    }

    public synchronized void setCameraMode(CameraMode mode) {
        put(CAMERA_MODE, mode.size().width() + "x" + mode.size().height() + "@" + mode.frameRate());
    }

    /** The chosen theme; {@link Theme#SYSTEM} unless chosen. */
    public synchronized Theme theme() {
        return text(THEME).flatMap(value -> parse(THEME, value, Theme::valueOf)).orElse(Theme.SYSTEM);
    }

    public synchronized void setTheme(Theme theme) {
        put(THEME, theme.name());
    }

    /** Whether new messages and calls make a sound; on unless turned off. */
    public synchronized boolean notificationSound() {
        return text(NOTIFICATION_SOUND).flatMap(value -> parse(NOTIFICATION_SOUND, value, DesktopPreferences::bool))
                .orElse(true);
    }

    public synchronized void setNotificationSound(boolean on) {
        put(NOTIFICATION_SOUND, Boolean.toString(on));
    }

    /** Where the main window was; empty before it was first closed (or when the stored values make no sense). */
    public synchronized Optional<WindowGeometry> window() {
        if (text(WINDOW_WIDTH).isEmpty()) {
            return Optional.empty();
        }
        return parse("window", "", ignored -> new WindowGeometry(number(WINDOW_X), number(WINDOW_Y),
                number(WINDOW_WIDTH), number(WINDOW_HEIGHT), bool(values.getProperty(WINDOW_MAXIMIZED, "false"))));
    }

    public synchronized void setWindow(WindowGeometry window) {
        values.setProperty(WINDOW_X, Double.toString(window.x()));
        values.setProperty(WINDOW_Y, Double.toString(window.y()));
        values.setProperty(WINDOW_WIDTH, Double.toString(window.width()));
        values.setProperty(WINDOW_HEIGHT, Double.toString(window.height()));
        values.setProperty(WINDOW_MAXIMIZED, Boolean.toString(window.maximized()));
        save();
    }

    /** The chosen microphone and speaker for a call (the system default for either not chosen). */
    public synchronized CallAudio audio() {
        return new CallAudio.Devices(microphone().orElse(AudioDevice.SYSTEM_DEFAULT_NAME),
                speaker().orElse(AudioDevice.SYSTEM_DEFAULT_NAME));
    }

    /** The chosen camera in the chosen mode for a video call, the peer's pictures going to {@code remote}. */
    public synchronized CallVideo video(VideoFrameSink remote) {
        return new CallVideo(camera(), cameraMode(), remote);
    }

    // ---- internals

    private Optional<String> text(String key) {
        return Optional.ofNullable(values.getProperty(key)).filter(value -> !value.isBlank());
    }

    private void putText(String key, Optional<String> value) {
        Objects.requireNonNull(value, key);
        put(key, value.filter(text -> !text.isBlank()).orElse(null));
    }

    private void put(String key, String value) {
        if (Objects.equals(values.getProperty(key), value)) {
            return;
        }
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
        save();
    }

    private double number(String key) {
        return Double.parseDouble(values.getProperty(key, ""));
    }

    private <T> Optional<T> parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return Optional.of(parser.apply(value));
        } catch (IllegalArgumentException e) {
            log.warn("Setting {} in {} makes no sense ({}); using the default", key, file, e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not true or false: " + value);
        };
    }

    private static CameraMode mode(String value) {
        Matcher m = MODE.matcher(value);
        if (!m.matches()) {
            throw new IllegalArgumentException("not WIDTHxHEIGHT@RATE: " + value);
        }
        return CameraMode.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    }

    /** Writes every value to a temporary file beside the real one (owner-only from its creation), then moves it over. */
    private void save() {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = posix() ? Files.createTempFile(dir, FILE_NAME, ".tmp", OWNER_ONLY)
                    : Files.createTempFile(dir, FILE_NAME, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                values.store(out, "Confab desktop settings");
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UnsupportedOperationException e) {
            log.warn("Settings could not be saved to {} ({}); they hold until the app ends", file, e.toString());
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // Nothing more to do: the warning above says the save failed.
                }
            }
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
