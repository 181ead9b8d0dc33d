package dev.confab.client.ui.main;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new-message sound: two short soft notes on the system's default speaker, played on a virtual thread. No
 * speaker, or a busy one, only leaves it silent (logged). Thread-safe.
 */
final class Chime {
    private static final Logger log = LoggerFactory.getLogger(Chime.class);
    private static final float RATE = 48_000f;

    private Chime() {}

    static void play() {
        Thread.ofVirtual().name("confab-chime").start(Chime::playNow);
    }

    private static void playNow() {
        AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            line.open(format);
            line.start();
            byte[] sound = notes(new double[] {880, 1320}, 0.12);
            line.write(sound, 0, sound.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            log.info("The new-message sound cannot play: {}", e.toString());
        }
    }

    /** The notes one after the other, each {@code seconds} long with a fade out, 16-bit little-endian. */
    static byte[] notes(double[] frequencies, double seconds) {
        int perNote = (int) (RATE * seconds);
        byte[] out = new byte[perNote * frequencies.length * 2];
        for (int n = 0; n < frequencies.length; n++) {
            for (int i = 0; i < perNote; i++) {
                double fade = 1.0 - (double) i / perNote;
                short sample = (short) (Math.sin(2 * Math.PI * frequencies[n] * i / RATE) * fade * 0.25 * Short.MAX_VALUE);
                int at = (n * perNote + i) * 2;
                out[at] = (byte) sample;
                out[at + 1] = (byte) (sample >> 8);
            }
        }
        return out;
    }
}
