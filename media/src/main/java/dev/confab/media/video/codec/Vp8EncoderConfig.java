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
 * @param cpuUsed                  libvpx's speed, -16 to 16: a negative value is a fixed speed (higher is faster
 *                                 and coarser), a positive one lets libvpx pick the speed by how long frames take
 * @param threads                  encoder threads, 1-8 (libvpx's VP8 threads wait for each other by spinning: more
 *                                 threads than idle cores slow it down)
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
        check("cpu-used", cpuUsed, -16, 16);
        check("threads", threads, 1, 8);
        check("keyframe interval", keyframeIntervalFrames, 1, 100_000);
        check("min quantizer", minQuantizer, 0, 63);
        check("max quantizer", maxQuantizer, minQuantizer, 63);
    }

    /**
     * The settings for a call, libwebrtc's for VP8 on a desktop: {@code size} at {@code frameRate} and {@code bitrate},
     * fixed speed 6 (cpu-used -6: the output does not depend on how busy the machine is, and the call's own adaptation
     * steps resolution down when the CPU cannot keep up), threads by {@link #threadsFor}, a keyframe at least every
     * 3000 frames, quantizers 2-56.
     */
    public static Vp8EncoderConfig realtime(FrameSize size, int frameRate, int bitrate) {
        return new Vp8EncoderConfig(size, frameRate, bitrate, -6, threadsFor(size, Runtime.getRuntime()
                .availableProcessors()), 3000, 2, 56);
    }

    /**
     * libwebrtc's choice of VP8 encoder threads for {@code cores} cores: one up to 640x480 or below 3 cores (a 2-core
     * laptop in a call has audio, decoding and the network to run too), 2 above that, 3 above 1280x960 with 6 cores,
     * 8 from 1920x1080 with more than 8.
     */
    static int threadsFor(FrameSize size, int cores) {
        int pixels = size.pixels();
        if (pixels >= 1920 * 1080 && cores > 8) {
            return 8;
        }
        if (pixels > 1280 * 960 && cores >= 6) {
            return 3;
        }
        if (pixels > 640 * 480 && cores >= 3) {
            return 2;
        }
        return 1;
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
