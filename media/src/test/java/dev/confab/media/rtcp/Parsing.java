package dev.confab.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Test helpers: parse bytes that must be well formed, or that must fail. */
final class Parsing {
    private Parsing() {}

    static List<RtcpPacket> packets(byte[] compound) {
        RtcpParse parse = RtcpCompound.parse(compound, 0, compound.length);
        assertThat(parse).isInstanceOf(RtcpParse.Parsed.class);
        return ((RtcpParse.Parsed) parse).packets();
    }

    static RtcpFailure failure(byte[] compound) {
        RtcpParse parse = RtcpCompound.parse(compound, 0, compound.length);
        assertThat(parse).isInstanceOf(RtcpParse.Failed.class);
        RtcpParse.Failed failed = (RtcpParse.Failed) parse;
        assertThat(failed.detail()).isNotBlank();
        return failed.reason();
    }

    static byte[] marshal(List<? extends RtcpPacket> packets) {
        byte[] buf = new byte[RtcpCompound.size(packets)];
        assertThat(RtcpCompound.marshal(packets, buf, 0)).isEqualTo(buf.length);
        return buf;
    }
}
