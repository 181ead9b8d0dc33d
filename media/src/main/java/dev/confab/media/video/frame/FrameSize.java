package dev.confab.media.video.frame;

/**
 * The width and height of a picture in pixels, 1 to {@value #MAX_SIDE} each (VP8 codes sides in 14 bits). I420
 * chroma planes are half as wide and high, rounded up. Immutable.
 */
public record FrameSize(int width, int height) {
    /** The largest side VP8 can code. */
    public static final int MAX_SIDE = 16_383;

    public FrameSize {
        if (width < 1 || width > MAX_SIDE || height < 1 || height > MAX_SIDE) {
            throw new IllegalArgumentException("frame size out of range 1.." + MAX_SIDE + ": " + width + "x" + height);
        }
    }

    /** Width of the U and V planes. */
    public int chromaWidth() {
        return (width + 1) / 2;
    }

    /** Height of the U and V planes. */
    public int chromaHeight() {
        return (height + 1) / 2;
    }

    /** Pixels of the luma plane. */
    public int pixels() {
        return width * height;
    }

    /** Bytes of a tightly packed I420 picture: the Y plane, then U, then V. */
    public int i420Bytes() {
        return pixels() + 2 * chromaWidth() * chromaHeight();
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
