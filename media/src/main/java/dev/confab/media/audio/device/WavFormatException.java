package dev.confab.media.audio.device;

/** A WAV file Confab cannot read: not RIFF/WAVE, not 16-bit PCM, or cut short. Says which. */
public final class WavFormatException extends Exception {
    public WavFormatException(String reason) {
        super(reason);
    }
}
