package dev.confab.client.ui.main;

import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.AudioFrames;
import dev.confab.media.audio.device.Direction;
import dev.confab.media.audio.device.OneShotPlayout;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new-message sound: two short soft notes on the speaker chosen for calls (the system's default when that one is
 * gone), played on a virtual thread. Sound that goes to files or nowhere (as in tests) leaves it silent; a speaker
 * that cannot play only logs. Thread-safe.
 */
final class Chime {
    private static final Logger log = LoggerFactory.getLogger(Chime.class);
    static final double[] NOTES = {880, 1320};
    static final double NOTE_SECONDS = 0.12;

    private Chime() {}

    /** Plays the chime on the speaker a call's sound goes to; none (files, or nowhere) leaves it silent. */
    static void play(Optional<String> speaker) {
        speaker.ifPresent(name -> Thread.ofVirtual().name("confab-chime").start(() -> playOn(name)));
    }

    /** Plays the chime on the speaker named {@code speaker}, blocking until it has been handed to the device. */
    static void playOn(String speaker) {
        try {
            AudioDevices devices = new AudioDevices();
            OneShotPlayout.play(devices, devices.findOrSystemDefault(Direction.PLAYOUT, speaker),
                    notes(NOTES, NOTE_SECONDS), event -> log.debug("New-message sound's speaker: {}", event));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | LinkageError e) {
            log.info("The new-message sound cannot play: {}", e.toString());
        }
    }

    /** The notes one after the other, each {@code seconds} long and fading out, 48 kHz mono. */
    static short[] notes(double[] frequencies, double seconds) {
        int perNote = (int) (AudioFrames.SAMPLE_RATE * seconds);
        short[] out = new short[perNote * frequencies.length];
        for (int n = 0; n < frequencies.length; n++) {
            for (int i = 0; i < perNote; i++) {
                double fade = 1.0 - (double) i / perNote;
                out[n * perNote + i] = (short) (Math.sin(2 * Math.PI * frequencies[n] * i / AudioFrames.SAMPLE_RATE)
                        * fade * 0.25 * Short.MAX_VALUE);
            }
        }
        return out;
    }
}
