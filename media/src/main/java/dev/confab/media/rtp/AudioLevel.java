package dev.confab.media.rtp;

/**
 * The client-to-mixer audio level element (RFC 6464 section 3): one byte, the V (voice activity) bit and the level
 * in -dBov, 0 (loudest) to 127 (silence). Stateless.
 */
public final class AudioLevel {
    /** The element's data length. */
    public static final int LENGTH = 1;
    /** The quietest level, -127 dBov. */
    public static final int SILENCE = 127;

    private AudioLevel() {}

    /** The byte for {@code voice} activity and {@code level} (clamped to 0-127). */
    public static byte encode(boolean voice, int level) {
        return (byte) ((voice ? 0x80 : 0) | Math.clamp(level, 0, SILENCE));
    }

    /** The level, 0-127 -dBov, of the element data at {@code buf[at]}. */
    public static int level(byte[] buf, int at) {
        return buf[at] & 0x7f;
    }

    /** Whether the sender flagged voice activity. */
    public static boolean voice(byte[] buf, int at) {
        return (buf[at] & 0x80) != 0;
    }
}
