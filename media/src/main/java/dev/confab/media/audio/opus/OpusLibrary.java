package dev.confab.media.audio.opus;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The libopus this JVM uses, loaded once on first use: the system's (Debian's {@code libopus0}, 1.3.1 on Debian 12)
 * when there is one, else the copy bundled in opus-java-natives (libopus 1.1.2, for machines without it). The system
 * property {@value #CHOICE_PROPERTY} set to {@code system} or {@code bundled} allows only that one. Thread-safe.
 *
 * <p>Why the system's first, measured here: 1.1.2 does DTX only in SILK-only mode, so at 32 kbit/s fullband it never
 * sends DTX packets (1.3.1 sends 1-byte ones), and 1.3's FEC may narrow the bandwidth to fit. 1.3.1 costs more CPU at
 * complexity 9 (about 330 against 140-180 us per 20 ms frame, mono 32 kbit/s); the same at complexity 5 (~185 us).
 */
public final class OpusLibrary {
    /** System property that restricts loading to {@code system} or {@code bundled}; unset tries both, in order. */
    public static final String CHOICE_PROPERTY = "confab.opus.library";

    /** Where the loaded libopus came from. */
    public enum Source { SYSTEM, BUNDLED }

    /** The load's outcome: exactly one of the two is set. */
    private record Outcome(OpusLibrary library, OpusUnavailableException failure) {}

    private static final class Holder {
        static final Outcome LOADED = loadOnce();
    }

    private final Source source;
    private final String path;
    private final String version;
    private final OpusNatives.Ctl ctl;

    private OpusLibrary(Source source, NativeLibrary library) {
        Native.register(OpusNatives.class, library);
        this.source = source;
        this.path = library.getFile() == null ? library.getName() : library.getFile().getPath();
        this.version = OpusNatives.opus_get_version_string();
        this.ctl = Native.load(path, OpusNatives.Ctl.class);
    }

    /**
     * The loaded library; loads it on the first call.
     *
     * @throws OpusUnavailableException when neither a system libopus nor the bundled one loads (the same each call)
     */
    public static OpusLibrary get() {
        Outcome outcome = Holder.LOADED;
        if (outcome.library() == null) {
            throw new OpusUnavailableException(outcome.failure().getMessage(), outcome.failure());
        }
        return outcome.library();
    }

    public Source source() {
        return source;
    }

    /** The file the library was loaded from (or the name the system linker resolved). */
    public String path() {
        return path;
    }

    /** libopus's own version string, such as {@code libopus 1.3.1}. */
    public String version() {
        return version;
    }

    OpusNatives.Ctl ctl() {
        return ctl;
    }

    @Override
    public String toString() {
        return version + " (" + source.name().toLowerCase(Locale.ROOT) + ", " + path + ")";
    }

    private static Outcome loadOnce() {
        String choice = System.getProperty(CHOICE_PROPERTY, "");
        List<String> failures = new ArrayList<>();
        if (!choice.equals("bundled")) {
            for (String name : Platform.isLinux() ? List.of("opus", "libopus.so.0") : List.of("opus")) {
                try {
                    return new Outcome(new OpusLibrary(Source.SYSTEM, NativeLibrary.getInstance(name)), null);
                } catch (UnsatisfiedLinkError e) {
                    failures.add("system '" + name + "': " + e.getMessage());
                }
            }
        }
        if (!choice.equals("system")) {
            String resource = "/natives/" + (Platform.isMac() ? "darwin" : Platform.RESOURCE_PREFIX) + "/"
                    + System.mapLibraryName("opus").replace(".jnilib", ".dylib");
            try {
                File file = Native.extractFromResourcePath(resource, OpusLibrary.class.getClassLoader());
                return new Outcome(new OpusLibrary(Source.BUNDLED, NativeLibrary.getInstance(file.getAbsolutePath())),
                        null);
            } catch (IOException | UnsatisfiedLinkError e) {
                failures.add("bundled " + resource + ": " + e.getMessage());
            }
        }
        return new Outcome(null, new OpusUnavailableException("libopus could not be loaded (" + String.join("; ", failures)
                + "). Install the system library (Debian/Ubuntu: apt-get install libopus0) or keep"
                + " club.minnced:opus-java-natives on the class path.", null));
    }
}
