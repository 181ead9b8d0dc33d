package dev.confab.media.rtcp;

import dev.confab.media.rtp.BigEndian;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * BYE (RFC 3550 6.6): sources leaving, with an optional reason. Immutable.
 *
 * @param ssrcs  at most 31 sources
 * @param reason up to 255 bytes of UTF-8, if given
 */
public record Goodbye(List<Integer> ssrcs, Optional<String> reason) implements RtcpPacket {

    /** Copies the list and checks the sizes. */
    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31 || reason.map(r -> r.getBytes(StandardCharsets.UTF_8).length > 255).orElse(false)) {
            throw new IllegalArgumentException("a BYE holds at most 31 sources and 255 bytes of reason");
        }
    }

    static Goodbye parse(byte[] buf, int off, int end, int count) throws MalformedRtcp {
        int at = off + RtcpHeader.LENGTH;
        MalformedRtcp.require(at + 4 * count <= end, RtcpFailure.MALFORMED_BYE,
                "BYE of " + (end - off) + " bytes cannot hold " + count + " sources");
        List<Integer> ssrcs = new ArrayList<>(count);
        for (int i = 0; i < count; i++, at += 4) {
            ssrcs.add(BigEndian.i32(buf, at));
        }
        Optional<String> reason = Optional.empty();
        if (at < end) {
            int length = buf[at] & 0xff;
            MalformedRtcp.require(at + 1 + length <= end, RtcpFailure.MALFORMED_BYE, "BYE reason runs past the packet");
            String text = Utf8.decode(buf, at + 1, length);
            MalformedRtcp.require(text != null, RtcpFailure.MALFORMED_BYE, "BYE reason is not UTF-8");
            reason = Optional.of(text);
        }
        return new Goodbye(ssrcs, reason);
    }

    @Override
    public int size() {
        return RtcpHeader.LENGTH + 4 * ssrcs.size() + reason.map(r -> RtcpHeader.padded(1 + encoded(r).length))
                .orElse(0);
    }

    @Override
    public void writeBody(byte[] buf, int off) {
        int size = size();
        RtcpHeader.write(buf, off, ssrcs.size(), RtcpHeader.GOODBYE, size);
        int at = off + RtcpHeader.LENGTH;
        for (int ssrc : ssrcs) {
            BigEndian.put32(buf, at, ssrc);
            at += 4;
        }
        if (reason.isPresent()) {
            byte[] text = encoded(reason.get());
            buf[at] = (byte) text.length;
            System.arraycopy(text, 0, buf, at + 1, text.length);
            for (at += 1 + text.length; at < off + size; at++) {
                buf[at] = 0;
            }
        }
    }

    private static byte[] encoded(String reason) {
        return reason.getBytes(StandardCharsets.UTF_8);
    }
}
