package dev.confab.bench.video;

/**
 * How fast one encoder or decoder went through a clip on one thread. Immutable.
 *
 * @param frames    frames coded
 * @param wallNanos wall-clock time spent coding them
 * @param cpuNanos  CPU time (user and system) spent coding them
 * @param bytes     bytes of compressed video (made by an encoder, read by a decoder)
 */
record CodecSpeed(int frames, long wallNanos, long cpuNanos, long bytes) {

    /** Frames a wall-clock second. */
    double framesPerSecond() {
        return frames * 1e9 / wallNanos;
    }

    /** CPU milliseconds a frame. */
    double cpuMillisPerFrame() {
        return cpuNanos / 1e6 / frames;
    }

    /** The compressed stream's bitrate at {@code frameRate}, kbit/s. */
    double kilobitsPerSecond(int frameRate) {
        return bytes * 8.0 * frameRate / frames / 1000;
    }
}
