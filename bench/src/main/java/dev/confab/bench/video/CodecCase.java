package dev.confab.bench.video;

import dev.confab.media.video.codec.Vp8EncoderConfig;
import dev.confab.media.video.frame.FrameSize;

/**
 * One picture size, frame rate and target bitrate whose VP8 encode and decode speed is measured. Immutable.
 *
 * @param size      picture size
 * @param frameRate frames a second the stream is paced for (rate control spreads the bits over them)
 * @param bitrate   target bit/s
 */
record CodecCase(FrameSize size, int frameRate, int bitrate) {

    /**
     * The settings of a call's encoder ({@link Vp8EncoderConfig#realtime}) with one encoder thread, whatever the
     * machine's cores: the benchmark compares single-threaded speed.
     */
    Vp8EncoderConfig encoderConfig() {
        Vp8EncoderConfig call = Vp8EncoderConfig.realtime(size, frameRate, bitrate);
        return new Vp8EncoderConfig(size, frameRate, bitrate, call.cpuUsed(), 1, call.keyframeIntervalFrames(),
                call.minQuantizer(), call.maxQuantizer());
    }

    /** Such as {@code 640x480 30 fps 1000 kbit/s}. */
    String label() {
        return size + " " + frameRate + " fps " + bitrate / 1000 + " kbit/s";
    }
}
