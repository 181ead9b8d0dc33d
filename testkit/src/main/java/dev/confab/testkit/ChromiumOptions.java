package dev.confab.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * How to launch {@link Chromium}: an optional WAV file the fake microphone plays
 * ({@code --use-file-for-fake-audio-capture}), and extra command-line flags. Immutable.
 *
 * @param fakeAudioCapture a WAV file for the fake microphone; Chromium's beep when absent
 * @param extraFlags       more Chromium flags, after the defaults
 */
public record ChromiumOptions(Optional<Path> fakeAudioCapture, List<String> extraFlags) {
    /** The defaults: fake beep and fake camera, no extra flags. */
    public static final ChromiumOptions DEFAULTS = new ChromiumOptions(Optional.empty(), List.of());

    /** Copies the flags. */
    public ChromiumOptions {
        extraFlags = List.copyOf(extraFlags);
    }

    /** These options with the fake microphone playing {@code wav}. */
    public ChromiumOptions withFakeAudioCapture(Path wav) {
        return new ChromiumOptions(Optional.of(wav.toAbsolutePath()), extraFlags);
    }

    /** These options with these extra flags instead. */
    public ChromiumOptions withExtraFlags(List<String> flags) {
        return new ChromiumOptions(fakeAudioCapture, flags);
    }
}
