package dev.confab.media.video.codec;

import dev.confab.media.video.frame.FrameSize;

/**
 * How a {@link Vp8Encoder} is set up. Rate control is constant bitrate (CBR) with a one-second buffer, as libwebrtc
 * runs VP8 for calls; the realtime settings that never change (deadline realtime, no lag, error resilient, no frame
 * dropping) are the encoder's. Immutable.
 *
 * @param size                     picture size; a change means a new encoder ({@link Vp8Encoder#reconfigure})
 * @param frameRate                frames a second the camera delivers, 1-240 (rate control spreads the bits over them)
 * @param bitrate                  target bit/s, {@value #MIN_BITRATE}-{@value #MAX_BITRATE}
 * @param cpuUsed                  libvpx's speed, 0-16: higher is faster and coarser; realtime calls use 6-12
 * @param threads                  encoder threads, 1-8
 * @param keyframeIntervalFrames   most frames between keyframes the encoder makes by itself; receivers ask for more
 * @param minQuantizer             finest quantizer, 0-63
 * @param maxQuantizer             coarsest quantizer, minQuantizer-63
 */
public record Vp8EncoderConfig(FrameSize size, int frameRate, int bitrate, int cpuUsed, int threads,
                               int keyframeIntervalFrames, int minQuantizer, int maxQuantizer) {
    public static final int MIN_BITRATE = 30_000;
    public static final int MAX_BITRATE = 50_000_000;

    public Vp8EncoderConfig {
        if (size == null) {
            throw new IllegalArgumentException("no frame size");
        }
        check("frame rate", frameRate, 1, 240);
        checkBitrate(bitrate);
        check("cpu-used", cpuUsed, 0, 16);
        check("threads", threads, 1, 8);
        check("keyframe interval", keyframeIntervalFrames, 1, 100_000);
        check("min quantizer", minQuantizer, 0, 63);
        check("max quantizer", maxQuantizer, minQuantizer, 63);
    }

    /**
     * The settings for a call: {@code size} at {@code frameRate} and {@code bitrate}, cpu-used 8 on 2 threads (measured
     * fastest at 640x480 here without losing PSNR), a keyframe at least every 3000 frames, quantizers 2-56 (libwebrtc's).
     */
    public static Vp8EncoderConfig realtime(FrameSize size, int frameRate, int bitrate) {
        return new Vp8EncoderConfig(size, frameRate, bitrate, 8, 2, 3000, 2, 56);
    }

    public Vp8EncoderConfig withBitrate(int newBitrate) {
        return new Vp8EncoderConfig(size, frameRate, newBitrate, cpuUsed, threads, keyframeIntervalFrames,
                minQuantizer, maxQuantizer);
    }

    public Vp8EncoderConfig withSize(FrameSize newSize, int newFrameRate) {
        return new Vp8EncoderConfig(newSize, newFrameRate, bitrate, cpuUsed, threads, keyframeIntervalFrames,
                minQuantizer, maxQuantizer);
    }

    static int checkBitrate(int bitrate) {
        return check("bitrate", bitrate, MIN_BITRATE, MAX_BITRATE);
    }

    private static int check(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(what + " out of range " + min + ".." + max + ": " + value);
        }
        return value;
    }
}
