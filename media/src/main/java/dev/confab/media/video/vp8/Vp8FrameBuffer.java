package dev.confab.media.video.vp8;

/**
 * A caller-owned, reusable frame that {@link Vp8FrameAssembler#pollFrame} fills: the encoded VP8 frame, ready for a
 * decoder, and what the RTP packets said about it. Its array grows when a frame does not fit (doubling, so to at most
 * twice the assembler's {@link Vp8AssemblerConfig#maxFrameBytes()}) and is otherwise reused: steady state allocates
 * nothing.
 *
 * <p>Thread contract: one thread at a time; it may be handed to another thread (a decoder's) through a safe
 * publication (a queue), and must not be filled again while that thread reads it.
 */
public final class Vp8FrameBuffer {
    private static final int INITIAL_CAPACITY = 16 * 1024;

    private byte[] data = new byte[INITIAL_CAPACITY];
    private int length;
    private long timestamp;
    private int pictureId = Vp8DescriptorReader.ABSENT;
    private boolean keyFrame;
    private int firstSequence;
    private int lastSequence;

    /** The frame is {@code data()[0, length())}. */
    public byte[] data() {
        return data;
    }

    public int length() {
        return length;
    }

    /** The frame's RTP timestamp (90 kHz), 0 to 2^32 - 1. */
    public long timestamp() {
        return timestamp;
    }

    /** The PictureID of the frame's first packet (7 or 15 bits), or {@link Vp8DescriptorReader#ABSENT}. */
    public int pictureId() {
        return pictureId;
    }

    /** Whether the frame is a key frame; its size is then in {@link Vp8PayloadHeader#width} and {@code height}. */
    public boolean keyFrame() {
        return keyFrame;
    }

    /** The RTP sequence number of the frame's first packet. */
    public int firstSequence() {
        return firstSequence;
    }

    /** The RTP sequence number of the frame's last packet, the one with the marker bit. */
    public int lastSequence() {
        return lastSequence;
    }

    /** Makes room for {@code capacity} bytes, dropping the content. */
    byte[] reserve(int capacity) {
        if (data.length < capacity) {
            data = new byte[Math.max(capacity, Math.min(2 * data.length, Integer.MAX_VALUE - 8))];
        }
        return data;
    }

    void describe(int length, long timestamp, int pictureId, boolean keyFrame, int firstSequence, int lastSequence) {
        this.length = length;
        this.timestamp = timestamp;
        this.pictureId = pictureId;
        this.keyFrame = keyFrame;
        this.firstSequence = firstSequence;
        this.lastSequence = lastSequence;
    }
}
