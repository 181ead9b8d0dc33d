package dev.confab.media.audio.device;

import java.util.Optional;
import javax.sound.sampled.DataLine;

/**
 * A started Java Sound line to a device, with the channel count it was opened with (1, or 2 converted), and for a
 * line routed to a PulseAudio device the index of its stream there (else empty).
 */
record OpenedLine(DataLine line, int channels, AudioDevice device, Optional<String> pulseStream) {

    OpenedLine routedAs(String stream) {
        return new OpenedLine(line, channels, device, Optional.of(stream));
    }

    /** The bytes of one 20 ms frame on this line. */
    int frameBytes() {
        return AudioFrames.lineFrameBytes(channels);
    }
}
