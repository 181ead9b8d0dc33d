package dev.confab.media.audio.device;

import javax.sound.sampled.DataLine;

/** A started Java Sound line to a device, with the channel count it was opened with (1, or 2 converted). */
record OpenedLine(DataLine line, int channels, AudioDevice device) {
    /** The bytes of one 20 ms frame on this line. */
    int frameBytes() {
        return AudioFrames.lineFrameBytes(channels);
    }
}
