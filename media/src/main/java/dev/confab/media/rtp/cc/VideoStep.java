package dev.confab.media.rtp.cc;

/**
 * One rung of the {@link VideoQualityLadder}: a resolution and frame rate, and the video bitrate it needs. Immutable.
 *
 * @param minBps the video rate (on the wire) below which this step is left for the next lower one
 */
public record VideoStep(int width, int height, int frameRate, long minBps) {
    public VideoStep {
        if (width <= 0 || height <= 0 || frameRate <= 0 || minBps < 0) {
            throw new IllegalArgumentException("a video step needs a positive size and frame rate");
        }
    }

    @Override
    public String toString() {
        return width + "x" + height + "@" + frameRate;
    }
}
