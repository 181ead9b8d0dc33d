package dev.confab.media.rtcp;

/**
 * One RTCP packet of a type Confab reads and writes. Each is an immutable value; {@link #marshal} writes it, header
 * and padding included, into a caller's buffer.
 */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, SourceDescription, Goodbye, GenericNack, PictureLossIndication,
        FullIntraRequest, Remb, TransportFeedback {

    /** Bytes {@link #marshal} writes: a multiple of 4. */
    int size();

    /**
     * Writes the packet at {@code buf[off..]}; returns {@link #size()}, or the status of
     * {@link RtcpFailure#BUFFER_TOO_SMALL} (or {@link RtcpFailure#INVALID_ARGUMENT} for a bad range) having written
     * nothing.
     */
    default int marshal(byte[] buf, int off) {
        int size = size();
        if (buf == null || off < 0 || off > buf.length) {
            return RtcpFailure.INVALID_ARGUMENT.status();
        }
        if (size > buf.length - off) {
            return RtcpFailure.BUFFER_TOO_SMALL.status();
        }
        writeBody(buf, off);
        return size;
    }

    /** Writes header and body at {@code buf[off, off + size())}, which the caller checked has room. */
    void writeBody(byte[] buf, int off);
}
