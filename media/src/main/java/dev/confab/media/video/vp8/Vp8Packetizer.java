package dev.confab.media.video.vp8;

import dev.confab.media.rtp.BigEndian;

/**
 * Cuts encoded VP8 frames into RTP payloads (RFC 7741) the way Chromium sends a frame it does not
 * partition: every payload starts with a 4-byte descriptor holding a 15-bit PictureID that counts frames (and wraps
 * from 32767 to 0), partition index 0, and the S bit on the frame's first payload only. A frame is spread over as
 * few payloads as fit {@link #maxPayload()}, in sizes that differ by at most one byte, so that no frame ends with a
 * runt packet. The caller puts each payload into an RTP packet with the frame's timestamp and sets the marker bit on
 * the last ({@link #nextIsLast()}).
 *
 * <p>Use: {@link #frame} starts a frame and says how many payloads it takes; then {@link #next} writes them one by
 * one into the caller's buffer, typically at {@code RtpPacketWriter.payloadOffset()}. The frame's bytes are read as
 * the payloads are written, so the caller must not change them before the last one. Nothing is allocated per
 * payload.
 *
 * <p>Thread contract: one thread at a time (the stream's send queue).
 */
public final class Vp8Packetizer {
    /**
     * A payload that fits an RTP packet of 1200 bytes with its SRTP tag, as Chromium's packets do: 1200 less the
     * fixed header (12), room for header extensions (40: mid, abs-send-time, transport-wide sequence and a few more)
     * and the longest SRTP tag (16, AEAD_AES_128_GCM).
     */
    public static final int DEFAULT_MAX_PAYLOAD = 1200 - 12 - 40 - 16;
    /** What {@link #next} puts before each piece of the frame. */
    public static final int DESCRIPTOR_LENGTH = 4;

    private final int maxPayload;
    private final byte[] descriptor = new byte[DESCRIPTOR_LENGTH];
    private int nextPictureId;
    private int pictureId = Vp8DescriptorReader.ABSENT;
    private byte[] frame;
    private int at;
    private int packets;
    private int written;
    private int shortLength;
    private int shortPackets;

    /**
     * A packetizer whose payloads are at most {@code maxPayload} bytes (more than {@value #DESCRIPTOR_LENGTH}) and
     * whose first frame gets {@code firstPictureId}, 0-32767 (RFC 7741 lets it start anywhere; pick it at random).
     */
    public Vp8Packetizer(int maxPayload, int firstPictureId) {
        if (maxPayload <= DESCRIPTOR_LENGTH || firstPictureId < 0 || firstPictureId > 0x7fff) {
            throw new IllegalArgumentException("max payload must exceed " + DESCRIPTOR_LENGTH
                    + " and the first PictureID be 0-32767: " + maxPayload + ", " + firstPictureId);
        }
        this.maxPayload = maxPayload;
        this.nextPictureId = firstPictureId;
        descriptor[0] = (byte) 0x90; // X, S, PID 0; S is cleared on all payloads but the first
        descriptor[1] = (byte) 0x80; // I
    }

    /** The largest payload {@link #next} writes. */
    public int maxPayload() {
        return maxPayload;
    }

    /**
     * Starts on the encoded frame {@code buf[off, off + len)}, giving it the next PictureID; a frame not yet fully
     * written is abandoned. Returns the number of payloads it takes, or {@link Vp8Failure#INVALID_ARGUMENT} for an
     * empty frame or a range outside the array.
     */
    public int frame(byte[] buf, int off, int len) {
        if (BigEndian.outside(buf, off, len) || len == 0) {
            return Vp8Failure.INVALID_ARGUMENT.status();
        }
        int room = maxPayload - DESCRIPTOR_LENGTH;
        frame = buf;
        at = off;
        packets = (int) ((len + (long) room - 1) / room);
        written = 0;
        shortLength = len / packets;
        shortPackets = packets - len % packets;
        pictureId = nextPictureId;
        nextPictureId = (nextPictureId + 1) & 0x7fff;
        BigEndian.put16(descriptor, 2, 0x8000 | pictureId); // M: 15 bits
        return packets;
    }

    /** Whether the current frame has payloads left to write. */
    public boolean hasNext() {
        return written < packets;
    }

    /** Whether the payload {@link #next} writes is the frame's last: its RTP packet carries the marker bit. */
    public boolean nextIsLast() {
        return written == packets - 1;
    }

    /** The PictureID of the current (or last) frame, or {@link Vp8DescriptorReader#ABSENT} before the first. */
    public int pictureId() {
        return pictureId;
    }

    /**
     * Writes the frame's next payload at {@code buf[off]}, with room up to {@code off + capacity}. Returns its length,
     * or {@link Vp8Failure#BUFFER_TOO_SMALL} (nothing written; the same payload is next again), or
     * {@link Vp8Failure#INVALID_ARGUMENT} when no payload is left or the range is outside the array.
     */
    public int next(byte[] buf, int off, int capacity) {
        if (!hasNext() || BigEndian.outside(buf, off, capacity)) {
            return Vp8Failure.INVALID_ARGUMENT.status();
        }
        int data = written < shortPackets ? shortLength : shortLength + 1;
        if (DESCRIPTOR_LENGTH + data > capacity) {
            return Vp8Failure.BUFFER_TOO_SMALL.status();
        }
        System.arraycopy(descriptor, 0, buf, off, DESCRIPTOR_LENGTH);
        if (written > 0) {
            buf[off] &= ~0x10;
        }
        System.arraycopy(frame, at, buf, off + DESCRIPTOR_LENGTH, data);
        at += data;
        if (++written == packets) {
            frame = null;
        }
        return DESCRIPTOR_LENGTH + data;
    }
}
