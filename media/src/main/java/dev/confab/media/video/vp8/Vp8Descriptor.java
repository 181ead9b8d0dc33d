package dev.confab.media.video.vp8;

import static dev.confab.media.video.vp8.Vp8DescriptorReader.ABSENT;

import dev.confab.media.rtp.BigEndian;

/**
 * The VP8 payload descriptor (RFC 7741 section 4.2) as a value: what {@link Vp8DescriptorReader} reads, and what
 * {@link #write} puts at the start of a payload. Optional fields are {@link Vp8DescriptorReader#ABSENT} when left
 * out; the extension byte (X) is written when any of them is present. Immutable.
 *
 * @param nonReference     N: no other frame depends on this one
 * @param startOfPartition S: the payload starts a VP8 partition
 * @param partitionIndex   PID, 0-7
 * @param pictureId        0-127, or 0-32767 with {@code longPictureId}; or absent
 * @param longPictureId    M: the PictureID takes two bytes (15 bits)
 * @param tl0PicIdx        TL0PICIDX, 0-255, or absent; the RFC wants a {@code temporalId} with it when sending
 * @param temporalId       TID, 0-3, or absent (T)
 * @param layerSync        Y, only with a {@code temporalId}
 * @param keyIndex         KEYIDX, 0-31, or absent (K)
 */
public record Vp8Descriptor(boolean nonReference, boolean startOfPartition, int partitionIndex, int pictureId,
        boolean longPictureId, int tl0PicIdx, int temporalId, boolean layerSync, int keyIndex) {

    /** Checks each field's range and that M and Y come with the fields they qualify. */
    public Vp8Descriptor {
        check(partitionIndex, 0, 7, "PID");
        if (pictureId != ABSENT) {
            check(pictureId, 0, longPictureId ? 0x7fff : 0x7f, "PictureID");
        } else if (longPictureId) {
            throw new IllegalArgumentException("M without a PictureID");
        }
        if (tl0PicIdx != ABSENT) {
            check(tl0PicIdx, 0, 0xff, "TL0PICIDX");
        }
        if (temporalId != ABSENT) {
            check(temporalId, 0, 3, "TID");
        } else if (layerSync) {
            throw new IllegalArgumentException("Y without a TID");
        }
        if (keyIndex != ABSENT) {
            check(keyIndex, 0, 31, "KEYIDX");
        }
    }

    /** The descriptor {@code reader} last wrapped successfully. */
    public static Vp8Descriptor of(Vp8DescriptorReader reader) {
        return new Vp8Descriptor(reader.nonReference(), reader.startOfPartition(), reader.partitionIndex(),
                reader.pictureId(), reader.longPictureId(), reader.tl0PicIdx(), reader.temporalId(),
                reader.layerSync(), reader.keyIndex());
    }

    /** The bytes {@link #write} takes, 1 to {@value Vp8DescriptorReader#MAX_LENGTH}. */
    public int size() {
        if (!extended()) {
            return 1;
        }
        int size = 2;
        if (pictureId != ABSENT) {
            size += longPictureId ? 2 : 1;
        }
        if (tl0PicIdx != ABSENT) {
            size++;
        }
        if (temporalId != ABSENT || keyIndex != ABSENT) {
            size++;
        }
        return size;
    }

    /**
     * Writes the descriptor at {@code buf[off]}, with room up to {@code off + capacity}. Returns {@link #size()} or
     * a negative status ({@link Vp8Failure#BUFFER_TOO_SMALL}, {@link Vp8Failure#INVALID_ARGUMENT}).
     */
    public int write(byte[] buf, int off, int capacity) {
        if (BigEndian.outside(buf, off, capacity)) {
            return Vp8Failure.INVALID_ARGUMENT.status();
        }
        int size = size();
        if (size > capacity) {
            return Vp8Failure.BUFFER_TOO_SMALL.status();
        }
        boolean extended = extended();
        buf[off] = (byte) ((extended ? 0x80 : 0) | (nonReference ? 0x20 : 0) | (startOfPartition ? 0x10 : 0)
                | partitionIndex);
        if (!extended) {
            return size;
        }
        boolean tk = temporalId != ABSENT || keyIndex != ABSENT;
        buf[off + 1] = (byte) ((pictureId != ABSENT ? 0x80 : 0) | (tl0PicIdx != ABSENT ? 0x40 : 0)
                | (temporalId != ABSENT ? 0x20 : 0) | (keyIndex != ABSENT ? 0x10 : 0));
        int at = off + 2;
        if (pictureId != ABSENT && longPictureId) {
            BigEndian.put16(buf, at, 0x8000 | pictureId);
            at += 2;
        } else if (pictureId != ABSENT) {
            buf[at++] = (byte) pictureId;
        }
        if (tl0PicIdx != ABSENT) {
            buf[at++] = (byte) tl0PicIdx;
        }
        if (tk) {
            buf[at] = (byte) ((temporalId == ABSENT ? 0 : temporalId << 6) | (layerSync ? 0x20 : 0)
                    | (keyIndex == ABSENT ? 0 : keyIndex));
        }
        return size;
    }

    private boolean extended() {
        return pictureId != ABSENT || tl0PicIdx != ABSENT || temporalId != ABSENT || keyIndex != ABSENT;
    }

    private static void check(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + "-" + max + ", not " + value);
        }
    }
}
