package dev.confab.media.video.pattern;

/**
 * What a test-pattern frame says about itself: its number in the stream (32 bits, wrapping) and the time it was
 * captured in milliseconds of the sender's clock (48 bits). Immutable.
 */
public record FrameStamp(long frameNumber, long captureMillis) {
    /** Frame numbers run 0..MAX_FRAME_NUMBER and then wrap. */
    public static final long MAX_FRAME_NUMBER = 0xffff_ffffL;
    /** Capture times run 0..MAX_CAPTURE_MILLIS (8900 years of milliseconds). */
    public static final long MAX_CAPTURE_MILLIS = 0xffff_ffff_ffffL;

    public FrameStamp {
        if (frameNumber < 0 || frameNumber > MAX_FRAME_NUMBER) {
            throw new IllegalArgumentException("frame number out of range: " + frameNumber);
        }
        if (captureMillis < 0 || captureMillis > MAX_CAPTURE_MILLIS) {
            throw new IllegalArgumentException("capture time out of range: " + captureMillis);
        }
    }
}
