package dev.confab.media.sdp;

import dev.confab.crypto.dtls.DtlsSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The parts that Confab's offers and answers write alike (RFC 9429 sections 5.2.1 and 5.3.1). Stateless. */
final class JsepSections {
    private static final RtcpAddress RTCP_PLACEHOLDER = new RtcpAddress(MediaDescription.DISCARD_PORT,
            Optional.of(ConnectionData.UNSPECIFIED_IP4));

    private JsepSections() {}

    /** An accepted or offered RTP section: discard port, placeholder addresses, transport, rtcp-mux. */
    static MediaDescription.Builder section(String kind, String mid, LocalTransport transport, DtlsSetup setup) {
        return MediaDescription.builder(kind, MediaDescription.UDP_TLS_RTP_SAVPF)
                .connection(ConnectionData.UNSPECIFIED_IP4)
                .rtcp(RTCP_PLACEHOLDER)
                .ice(IceAttributes.of(transport.iceUfrag(), transport.icePwd(), List.of(IceAttributes.TRICKLE)))
                .addFingerprint(transport.fingerprint())
                .setup(setup)
                .mid(mid)
                .rtcpMux(true);
    }

    /** Announces a sent track: {@code a=msid}, the FID group for RTX, and {@code cname}/{@code msid} per SSRC. */
    static void announce(MediaDescription.Builder section, SendStream stream) {
        Msid msid = Msid.of(stream.streamId(), stream.trackId());
        section.addMsid(msid);
        List<Long> ssrcs = new ArrayList<>(List.of(stream.ssrc()));
        stream.rtxSsrc().ifPresent(rtx -> {
            ssrcs.add(rtx);
            section.addSsrcGroup(new SsrcGroup(SsrcGroup.FID, ssrcs));
        });
        for (long ssrc : ssrcs) {
            section.addSsrc(SsrcAttribute.of(ssrc, SsrcAttribute.CNAME, stream.cname()));
            section.addSsrc(SsrcAttribute.of(ssrc, SsrcAttribute.MSID, msid.toSdpValue()));
        }
    }

    /** The session part: JSEP origin, BUNDLE of {@code mids} and {@code msid-semantic} with the sent streams. */
    static SessionDescription.Builder session(long sessionId, List<String> bundled, List<String> streamIds) {
        SessionDescription.Builder session = SessionDescription.builder(Origin.jsep(sessionId, 1))
                .msidSemantic(new MsidSemantic("WMS", streamIds.stream().distinct().toList()));
        if (!bundled.isEmpty()) {
            session.addGroup(Group.bundle(bundled));
        }
        return session;
    }
}
