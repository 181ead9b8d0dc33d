package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;

/**
 * The packet status chunks of transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 3.1.3-3.1.4):
 * run-length chunks (bit 15 clear: 2-bit symbol, 13-bit run) and status vector chunks (bit 15 set: fourteen 1-bit or
 * seven 2-bit symbols). Stateless.
 */
final class TransportFeedbackChunks {
    private static final int RESERVED_SYMBOL = 3;

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
        int perChunk = symbolsPerChunk(statuses);
        return (statuses.length + perChunk - 1) / perChunk;
    }

    /** Writes {@code statuses} as status vector chunks from {@code at}; returns where the chunks end. */
    static int write(byte[] statuses, byte[] buf, int at) {
        int perChunk = symbolsPerChunk(statuses);
        int bits = 14 / perChunk;
        for (int first = 0; first < statuses.length; first += perChunk) {
            int chunk = 0x8000 | (bits == 2 ? 0x4000 : 0);
            for (int i = 0; i < perChunk && first + i < statuses.length; i++) {
                chunk |= statuses[first + i] << (14 - bits * (i + 1));
            }
            BigEndian.put16(buf, at, chunk);
            at += 2;
        }
        return at;
    }

    /** 14 when every status fits one bit (no large delta), else 7. */
    private static int symbolsPerChunk(byte[] statuses) {
        for (byte status : statuses) {
            if (status > 1) {
                return 7;
            }
        }
        return 14;
    }

    private static int checked(int symbol) throws MalformedRtcp {
        MalformedRtcp.require(symbol != RESERVED_SYMBOL, RtcpFailure.MALFORMED_TRANSPORT_CC,
                "transport-cc uses the reserved status symbol");
        return symbol;
    }
}
