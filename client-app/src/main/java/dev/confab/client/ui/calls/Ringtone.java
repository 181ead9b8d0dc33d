package dev.confab.client.ui.calls;

import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.AudioPlayout;
import dev.confab.media.audio.device.Direction;
import dev.confab.media.audio.device.LineOptions;
import dev.confab.media.audio.device.LinePlayout;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rings while an incoming call waits: the {@link RingPattern} played through Java Sound on the chosen speaker. A
 * speaker that cannot be found or opened only leaves the ringtone silent (logged); it never touches the call.
 *
 * <p>Thread-safe: {@link #stop} from any thread, more than once.
 */
public final class Ringtone implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Ringtone.class);

    private AudioPlayout playout;

    private Ringtone(AudioPlayout playout) {
        this.playout = playout;
    }

    /** A ringtone that plays nothing (the call's sound goes to files or nowhere). */
    public static Ringtone silent() {
        return new Ringtone(null);
    }

    /**
     * Starts ringing on the speaker named {@code speaker} (as {@link AudioDevices} lists them); empty rings nowhere.
     * Blocks while the device opens: call it off the UI thread.
     */
    public static Ringtone start(Optional<String> speaker) {
        if (speaker.isEmpty()) {
            return silent();
        }
        try {
            AudioDevices devices = new AudioDevices();
            AudioDevice device = devices.findOrSystemDefault(Direction.PLAYOUT, speaker.get());
            return new Ringtone(LinePlayout.start(devices, device, LineOptions.defaults(), new RingPattern(),
                    event -> log.debug("Ringtone speaker: {}", event)));
        } catch (RuntimeException | LinkageError e) {
            log.info("The ringtone cannot play ({}); the call rings silently", e.toString());
            return silent();
        }
    }

    /** Whether sound is going to a speaker. */
    public synchronized boolean playing() {
        return playout != null;
    }

    /** Stops the ringing and releases the speaker. */
    public synchronized void stop() {
        if (playout != null) {
            playout.close();
            playout = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
