package dev.confab.client.core.calls;

import dev.confab.media.audio.device.AudioCapture;
import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.AudioPlayout;
import dev.confab.media.audio.device.Direction;
import dev.confab.media.audio.device.FrameConsumer;
import dev.confab.media.audio.device.FrameSupplier;
import dev.confab.media.audio.device.LineCapture;
import dev.confab.media.audio.device.LineOptions;
import dev.confab.media.audio.device.LinePlayout;
import dev.confab.media.audio.device.Pacing;
import dev.confab.media.audio.device.WavFileCapture;
import dev.confab.media.audio.device.WavFilePlayout;
import dev.confab.media.audio.device.WavFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a call's sound comes from and goes to: the machine's microphone and speaker chosen by name, WAV files (one
 * played in real time as the microphone, one recording what the speaker would play), or nothing. The call starts it
 * when the media connects and closes it when the call ends. Immutable.
 */
public sealed interface CallAudio {

    /** The devices that follow the system's default microphone and speaker. */
    static CallAudio systemDefault() {
        return new Devices(AudioDevice.SYSTEM_DEFAULT_NAME, AudioDevice.SYSTEM_DEFAULT_NAME);
    }

    /** Checks what can be checked before the call goes out (the devices exist, the file is there). */
    void check();

    /** Starts capture into {@code microphone} and playout from {@code speaker}. */
    Running start(FrameConsumer microphone, FrameSupplier speaker) throws IOException;

    /**
     * A microphone and speaker by name, as {@link AudioDevices} lists them ({@value AudioDevice#SYSTEM_DEFAULT_NAME}
     * follows the system's default, also when it changes mid-call). A device that goes away mid-call is replaced by the
     * default.
     */
    record Devices(String microphone, String speaker) implements CallAudio {
        private static final Logger log = LoggerFactory.getLogger(Devices.class);

        public Devices {
            Objects.requireNonNull(microphone, "microphone");
            Objects.requireNonNull(speaker, "speaker");
        }

        @Override
        public void check() {
            AudioDevices devices = new AudioDevices();
            device(devices, Direction.CAPTURE, microphone);
            device(devices, Direction.PLAYOUT, speaker);
        }

        @Override
        public Running start(FrameConsumer mic, FrameSupplier out) {
            AudioDevices devices = new AudioDevices();
            AudioCapture capture = LineCapture.start(devices, device(devices, Direction.CAPTURE, microphone),
                    LineOptions.defaults(), mic, event -> log.info("Microphone: {}", event));
            try {
                AudioPlayout playout = LinePlayout.start(devices, device(devices, Direction.PLAYOUT, speaker),
                        LineOptions.defaults(), out, event -> log.info("Speaker: {}", event));
                return new Running(capture, playout);
            } catch (RuntimeException e) {
                capture.close();
                throw e;
            }
        }

        private static AudioDevice device(AudioDevices devices, Direction direction, String name) {
            return devices.find(direction, name).orElseThrow(() -> new IllegalArgumentException("No "
                    + (direction == Direction.CAPTURE ? "microphone" : "speaker") + " named '" + name + "'."));
        }
    }

    /**
     * WAV files instead of devices: {@code microphone} (48 kHz 16-bit PCM; null for none) is played in real time as
     * the microphone, once; {@code recording} (null for none) gets what the speaker would play, 48 kHz mono, until the
     * call ends.
     */
    record Files(Path microphone, Path recording) implements CallAudio {
        @Override
        public void check() {
            if (microphone != null && !java.nio.file.Files.isReadable(microphone)) {
                throw new IllegalArgumentException("Cannot read " + microphone + ".");
            }
            if (recording != null && recording.toAbsolutePath().getParent() != null
                    && !java.nio.file.Files.isDirectory(recording.toAbsolutePath().getParent())) {
                throw new IllegalArgumentException("No directory for " + recording + ".");
            }
        }

        @Override
        public Running start(FrameConsumer mic, FrameSupplier out) throws IOException {
            AudioCapture capture = null;
            try {
                if (microphone != null) {
                    capture = WavFileCapture.start(microphone, Pacing.REAL_TIME, mic);
                }
                AudioPlayout playout = recording == null ? null
                        : WavFilePlayout.start(recording, Pacing.REAL_TIME, Long.MAX_VALUE, out);
                return new Running(capture, playout);
            } catch (WavFormatException e) {
                throw new IOException(e.getMessage(), e);
            } catch (IOException | RuntimeException e) {
                if (capture != null) {
                    capture.close();
                }
                throw e;
            }
        }
    }

    /** No sound either way: the peer hears silence, nothing is played. For tests and signaling-only use. */
    record Silent() implements CallAudio {
        @Override
        public void check() {
        }

        @Override
        public Running start(FrameConsumer mic, FrameSupplier out) {
            return new Running(null, null);
        }
    }

    /**
     * The running capture and playout of one call (either may be absent). Thread-safe: {@link #close} from any thread,
     * more than once.
     *
     * @param capture what feeds the microphone, or null
     * @param playout what takes the speaker's frames, or null
     */
    record Running(AudioCapture capture, AudioPlayout playout) implements AutoCloseable {
        /** Stops capture, then playout (a recording is complete when this returns). */
        @Override
        public void close() {
            if (capture != null) {
                capture.close();
            }
            if (playout != null) {
                playout.close();
            }
        }
    }
}
