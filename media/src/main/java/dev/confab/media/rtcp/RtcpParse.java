package dev.confab.media.rtcp;

import java.util.List;

/**
 * The result of {@link RtcpCompound#parse}: the packets of a compound, or why the datagram is not one. Parsing
 * returns this instead of throwing, so that a receive loop drops and counts bad datagrams. Immutable.
 */
public sealed interface RtcpParse {

    /**
     * Every packet was well formed.
     *
     * @param packets the packets of the types Confab reads, in order
     * @param skipped how many well-formed packets of other types (XR, APP, unknown feedback) were passed over
     */
    record Parsed(List<RtcpPacket> packets, int skipped) implements RtcpParse {
        public Parsed {
            packets = List.copyOf(packets);
        }
    }

    /**
     * Some packet was malformed; RFC 3550 A.2 drops the whole compound.
     *
     * @param reason the kind of fault, for counters
     * @param detail a sentence for a log saying where and what
     */
    record Failed(RtcpFailure reason, String detail) implements RtcpParse {}
}
