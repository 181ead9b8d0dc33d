package dev.confab.media.rtp.rtx;

import dev.confab.media.rtcp.GenericNack;
import dev.confab.media.rtcp.NackItem;
import dev.confab.media.rtp.SeqNum;
import java.util.function.IntSupplier;

/**
 * Answers the Generic NACKs a peer sends about one media stream: each sequence number asked for, in the order asked, is
 * taken from the {@link RetransmissionBuffer} (which refuses what it no longer holds, is too old or was resent less
 * than a round trip ago), made into a retransmission by the {@link RtxPacketizer} (RTX or the original as it was) and
 * handed to the sender. Its buffers are its own and reused; nothing is allocated per packet.
 *
 * <p>Thread contract: one thread at a time (the stream's send queue, where the buffer and packetizer live).
 */
public final class NackResponder {
    /** Sends one retransmission in place (the transport protects it): the bytes are valid during the call only. */
    @FunctionalInterface
    public interface PacketSender {
        void send(byte[] buf, int off, int len);
    }

    private final RetransmissionBuffer buffer;
    private final RtxPacketizer packetizer;
    private final IntSupplier transportSequences;
    private final byte[] original;
    private final byte[] packet;
    private long refused;

    /**
     * Answers from {@code buffer} through {@code packetizer}, for packets of up to {@code maxPacketBytes} (the
     * buffer's), numbering those that carry a transport-wide sequence number from {@code transportSequences}.
     */
    public NackResponder(RetransmissionBuffer buffer, RtxPacketizer packetizer, int maxPacketBytes,
            IntSupplier transportSequences) {
        this.buffer = buffer;
        this.packetizer = packetizer;
        this.transportSequences = transportSequences;
        this.original = new byte[maxPacketBytes];
        this.packet = new byte[maxPacketBytes + RtxPacketizer.OSN_LENGTH];
    }

    /** Resends what {@code nack} asks for that may be resent, at {@code nowNanos}; returns how many went out. */
    public int onNack(GenericNack nack, long nowNanos, PacketSender sender) {
        int sent = 0;
        for (NackItem item : nack.items()) {
            sent += resend(item.packetId(), nowNanos, sender);
            for (int bit = 0; bit < 16; bit++) {
                if ((item.lostBitmask() & 1 << bit) != 0) {
                    sent += resend(SeqNum.add(item.packetId(), bit + 1), nowNanos, sender);
                }
            }
        }
        return sent;
    }

    /** Sequence numbers asked for that were not resent: refused by the buffer or the packetizer. */
    public long refused() {
        return refused;
    }

    private int resend(int seq, long nowNanos, PacketSender sender) {
        int length = buffer.resend(seq, nowNanos, original, 0, original.length);
        if (length >= 0) {
            length = packetizer.packetize(original, 0, length, packet, 0, packet.length, nowNanos,
                    transportSequences);
        }
        if (length < 0) {
            refused++;
            return 0;
        }
        sender.send(packet, 0, length);
        return 1;
    }
}
