package dev.confab.media.rtp;

/**
 * A cursor over the RFC 8285 header extension elements of the packet an {@link RtpPacketReader} holds: padding bytes
 * (id 0) are skipped and a one-byte id of 15 ends the list (section 4.2). The reader has validated every element, so the
 * cursor only walks. Obtain it from {@link RtpPacketReader#extensions()}, which rewinds it; it is reused, never
 * allocated per packet. After {@link #next()} or {@link #find(int)} returned true, {@link #id()}, {@link #offset()}
 * (into the reader's array) and {@link #length()} describe the element.
 *
 * <p>Thread contract: confined to the reader's thread; invalid once the reader wraps another packet.
 */
public final class ExtensionElements {
    private byte[] buf;
    private int next;
    private int end;
    private boolean twoByte;
    private int id;
    private int offset;
    private int length;

    ExtensionElements() {}

    void reset(byte[] buf, int start, int end, boolean twoByte) {
        this.buf = buf;
        this.next = start;
        this.end = end;
        this.twoByte = twoByte;
        this.id = 0;
    }

    /** Moves to the next element; false when there is none (also for a profile that is not RFC 8285). */
    public boolean next() {
        while (next < end) {
            int first = buf[next] & 0xff;
            if (isPadding(first, twoByte)) {
                next++;
                continue;
            }
            if (twoByte) {
                id = first;
                length = buf[next + 1] & 0xff;
                offset = next + 2;
            } else {
                if (first >>> 4 == 15) {
                    next = end;
                    return false;
                }
                id = first >>> 4;
                length = (first & 0x0f) + 1;
                offset = next + 1;
            }
            next = offset + length;
            return true;
        }
        return false;
    }

    /** Moves to the first element with {@code id}, from the current position; false if none. */
    public boolean find(int id) {
        while (next()) {
            if (this.id == id) {
                return true;
            }
        }
        return false;
    }

    public int id() {
        return id;
    }

    /** Where the element's data starts in the reader's array. */
    public int offset() {
        return offset;
    }

    public int length() {
        return length;
    }

    /**
     * Checks that every element of {@code buf[start, end)} fits: the reader calls this once per packet. Returns 0 or
     * the status of {@link RtpFailure#EXTENSION_ELEMENT_OVERRUN}.
     */
    static int validate(byte[] buf, int start, int end, boolean twoByte) {
        int at = start;
        while (at < end) {
            int first = buf[at] & 0xff;
            if (isPadding(first, twoByte)) {
                at++;
            } else if (twoByte) {
                if (at + 2 > end) {
                    return RtpFailure.EXTENSION_ELEMENT_OVERRUN.status();
                }
                at += 2 + (buf[at + 1] & 0xff);
            } else if (first >>> 4 == 15) {
                return 0;
            } else {
                at += 1 + (first & 0x0f) + 1;
            }
        }
        return at == end ? 0 : RtpFailure.EXTENSION_ELEMENT_OVERRUN.status();
    }

    /**
     * A padding byte: 0, or in the one-byte form any byte with id 0 (RFC 8285 reserves it for padding; its length
     * bits are ignored, as libwebrtc does).
     */
    private static boolean isPadding(int first, boolean twoByte) {
        return twoByte ? first == 0 : first >>> 4 == 0;
    }
}
