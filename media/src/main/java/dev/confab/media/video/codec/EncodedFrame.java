package dev.confab.media.video.codec;

import java.util.Arrays;

/**
 * One compressed VP8 frame as the {@link Vp8Encoder} wrote it: {@link #length()} bytes at the start of
 * {@link #data()}, whether it is a keyframe (decodable on its own), and the capture time of the picture it codes. The
 * caller owns it and reuses it frame after frame; its array grows when a frame does not fit and is otherwise kept, so
 * steady-state encoding allocates nothing.
 *
 * <p>Thread contract: not thread-safe; the encoding thread fills it, and whoever it is handed to afterwards reads it.
 */
public final class EncodedFrame {
    private byte[] data;
    private int length;
    private boolean keyframe;
    private long captureTimeMicros;

    /** An empty frame with room for {@code capacity} bytes to begin with. */
    public EncodedFrame(int capacity) {
        this.data = new byte[capacity];
    }

    /** The bytes; only {@code [0, length())} belong to the frame. */
    public byte[] data() {
        return data;
    }

    public int length() {
        return length;
    }

    public boolean keyframe() {
        return keyframe;
    }

    public long captureTimeMicros() {
        return captureTimeMicros;
    }

    /** A copy of the frame's bytes. */
    public byte[] toByteArray() {
        return Arrays.copyOf(data, length);
    }

    /** Makes room for {@code bytes} and sets the header fields; the caller writes the bytes into {@link #data()}. */
    byte[] prepare(int bytes, boolean isKeyframe, long timeMicros) {
        if (data.length < bytes) {
            data = new byte[Math.max(bytes, data.length * 2)];
        }
        length = bytes;
        keyframe = isKeyframe;
        captureTimeMicros = timeMicros;
        return data;
    }
}
