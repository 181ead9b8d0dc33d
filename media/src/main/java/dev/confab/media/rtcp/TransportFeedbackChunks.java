package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;

/**
 * The packet status chunks of transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.3-3.1.4):
 * run-length chunks (bit 15 clear: 2-bit symbol, 13-bit run) and status vector chunks (bit 15 set: fourteen 1-bit or
 * seven 2-bit symbols). Stateless.
 */
final class TransportFeedbackChunks {
    private static final int RESERVED_SYMBOL = 3;
    private static final int MAX_RUN = 0x1fff;

    private TransportFeedbackChunks() {}

    /**
     * Fills {@code statuses} with the symbols of the chunks from {@code at}; symbols past the status count in the last
     * chunk are ignored. Returns where the receive deltas start.
     */
    static int read(byte[] buf, int at, int end, byte[] statuses) throws MalformedRtcp {
        int filled = 0;
        while (filled < statuses.length) {
            MalformedRtcp.require(at + 2 <= end, RtcpFailure.MALFORMED_TRANSPORT_CC,
                    "transport-cc chunks end after " + filled + " of " + statuses.length + " statuses");
            int chunk = BigEndian.u16(buf, at);
            at += 2;
            if ((chunk & 0x8000) == 0) {
                int symbol = checked(chunk >>> 13 & 3);
                int run = Math.min(chunk & 0x1fff, statuses.length - filled);
                for (int i = 0; i < run; i++) {
                    statuses[filled++] = (byte) symbol;
                }
            } else {
                boolean twoBit = (chunk & 0x4000) != 0;
                int bits = twoBit ? 2 : 1;
                for (int i = 0, n = 14 / bits; i < n && filled < statuses.length; i++) {
                    statuses[filled++] = (byte) checked(chunk >>> (14 - bits * (i + 1)) & (twoBit ? 3 : 1));
                }
            }
        }
        return at;
    }

    /** How many chunks {@link #write} uses for {@code statuses}. */
    static int count(byte[] statuses) {
        return write(statuses, null, 0) / 2;
    }

    /**
     * Writes {@code statuses} as chunks from {@code at} (or only counts the bytes if {@code buf} is null); returns
     * where the chunks end. A run of equal symbols at least as long as a status vector chunk could hold there is one
     * run-length chunk (up to 8191 symbols), as libwebrtc writes it; otherwise the next fourteen symbols go in a 1-bit
     * vector if they all fit one bit, else the next seven in a 2-bit vector.
     */
    static int write(byte[] statuses, byte[] buf, int at) {
        int i = 0;
        while (i < statuses.length) {
            int perVector = fitsOneBit(statuses, i) ? 14 : 7;
            int run = runLength(statuses, i);
            int chunk;
            if (run >= perVector) {
                chunk = statuses[i] << 13 | run;
                i += run;
            } else {
                int bits = 14 / perVector;
                chunk = 0x8000 | (bits == 2 ? 0x4000 : 0);
                for (int k = 0; k < perVector && i < statuses.length; k++, i++) {
                    chunk |= statuses[i] << (14 - bits * (k + 1));
                }
            }
            if (buf != null) {
                BigEndian.put16(buf, at, chunk);
            }
            at += 2;
        }
        return at;
    }

    /** Whether the (up to) fourteen symbols from {@code from} all fit one bit (none is a large delta). */
    private static boolean fitsOneBit(byte[] statuses, int from) {
        for (int i = from; i < Math.min(from + 14, statuses.length); i++) {
            if (statuses[i] > 1) {
                return false;
            }
        }
        return true;
    }

    private static int runLength(byte[] statuses, int from) {
        int end = from + 1;
        while (end < statuses.length && end - from < MAX_RUN && statuses[end] == statuses[from]) {
            end++;
        }
        return end - from;
    }

    private static int checked(int symbol) throws MalformedRtcp {
        MalformedRtcp.require(symbol != RESERVED_SYMBOL, RtcpFailure.MALFORMED_TRANSPORT_CC,
                "transport-cc uses the reserved status symbol");
        return symbol;
    }
}
