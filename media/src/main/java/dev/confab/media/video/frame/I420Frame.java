package dev.confab.media.video.frame;

import java.util.Arrays;

/**
 * One picture in I420 (YUV 4:2:0 planar, BT.601 limited range as VP8 and cameras use it) with its capture time. The
 * planes lie tightly packed in one array that this frame owns, {@link #data()}: Y ({@link #yStride()} = width bytes a
 * row), then U, then V ({@link #chromaStride()} = chroma width a row).
 *
 * <p>Frames are buffers that the capture, encode and decode stages fill and reuse: {@link #resize} keeps the array
 * when it is large enough, so a stream of same-sized pictures allocates nothing. Thread contract: not thread-safe;
 * one stage at a time owns a frame and hands it on (safely published) when done.
 */
public final class I420Frame {
    private FrameSize size;
    private byte[] data;
    private long captureTimeMicros;

    private I420Frame(FrameSize size) {
        this.size = size;
        this.data = new byte[size.i420Bytes()];
    }

    /** A black frame of {@code size}, captured at time 0. */
    public static I420Frame allocate(FrameSize size) {
        I420Frame frame = new I420Frame(size);
        frame.fill(16, 128, 128);
        return frame;
    }

    public FrameSize size() {
        return size;
    }

    public int width() {
        return size.width();
    }

    public int height() {
        return size.height();
    }

    /** The planes; the array may be longer than {@link FrameSize#i420Bytes()} after a {@link #resize} down. */
    public byte[] data() {
        return data;
    }

    public int yOffset() {
        return 0;
    }

    public int uOffset() {
        return size.pixels();
    }

    public int vOffset() {
        return size.pixels() + size.chromaWidth() * size.chromaHeight();
    }

    public int yStride() {
        return size.width();
    }

    public int chromaStride() {
        return size.chromaWidth();
    }

    /** When the picture was captured, in microseconds of the capturing side's clock. */
    public long captureTimeMicros() {
        return captureTimeMicros;
    }

    public void setCaptureTimeMicros(long captureTimeMicros) {
        this.captureTimeMicros = captureTimeMicros;
    }

    /** Makes this frame {@code newSize}, growing the array only when it is too small; the contents are unspecified. */
    public void resize(FrameSize newSize) {
        if (newSize.i420Bytes() > data.length) {
            data = new byte[newSize.i420Bytes()];
        }
        size = newSize;
    }

    /** Fills every pixel with one colour. */
    public void fill(int y, int u, int v) {
        Arrays.fill(data, 0, uOffset(), (byte) y);
        Arrays.fill(data, uOffset(), vOffset(), (byte) u);
        Arrays.fill(data, vOffset(), size.i420Bytes(), (byte) v);
    }

    /** Makes this frame a copy of {@code other}: size, planes and capture time. */
    public void copyFrom(I420Frame other) {
        resize(other.size);
        System.arraycopy(other.data, 0, data, 0, size.i420Bytes());
        captureTimeMicros = other.captureTimeMicros;
    }

    /** The luma sample at ({@code x}, {@code y}), 0-255. */
    public int luma(int x, int y) {
        return data[y * size.width() + x] & 0xff;
    }
}
