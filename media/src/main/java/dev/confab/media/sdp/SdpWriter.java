package dev.confab.media.sdp;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsSetup;
import java.util.List;
import java.util.Optional;

/**
 * Writes a {@link SessionDescription} as SDP: CRLF line ends, lines in RFC 8866 order, attributes in the order
 * Chromium writes them, then the unmodelled attributes of each section in the order they came. Stateless.
 */
final class SdpWriter {
    private static final String CRLF = "\r\n";

    private SdpWriter() {}

    static String write(SessionDescription d) {
        StringBuilder out = new StringBuilder(4096);
        line(out, "v=0");
        line(out, "o=" + d.origin().toSdpValue());
        line(out, "s=" + d.sessionName());
        d.lines().stream().filter(SessionDescription::beforeTiming).forEach(l -> line(out, l.toSdp()));
        line(out, "t=" + d.timing().toSdpValue());
        d.lines().stream().filter(l -> !SessionDescription.beforeTiming(l)).forEach(l -> line(out, l.toSdp()));
        flag(out, "ice-lite", d.iceLite());
        transport(out, d.ice(), d.fingerprints(), d.setup());
        d.groups().forEach(g -> attribute(out, "group", g.toSdpValue()));
        flag(out, "extmap-allow-mixed", d.extmapAllowMixed());
        d.msidSemantic().ifPresent(s -> attribute(out, "msid-semantic", s.toSdpValue()));
        flag(out, "end-of-candidates", d.endOfCandidates());
        d.attributes().forEach(a -> line(out, "a=" + a.toSdpValue()));
        d.media().forEach(m -> media(out, m));
        return out.toString();
    }

    private static void media(StringBuilder out, MediaDescription m) {
        line(out, "m=" + m.media() + " " + m.port() + (m.portCount() == 1 ? "" : "/" + m.portCount()) + " "
                + m.proto() + " " + String.join(" ", m.formats()));
        m.lines().stream().filter(l -> l.type() == 'i').forEach(l -> line(out, l.toSdp()));
        m.connection().ifPresent(c -> line(out, "c=" + c.toSdpValue()));
        m.lines().stream().filter(l -> l.type() != 'i').forEach(l -> line(out, l.toSdp()));
        m.rtcp().ifPresent(r -> attribute(out, "rtcp", r.toSdpValue()));
        m.candidates().forEach(c -> attribute(out, "candidate", c.toSdpValue()));
        flag(out, "end-of-candidates", m.endOfCandidates());
        transport(out, m.ice(), m.fingerprints(), m.setup());
        flag(out, "bundle-only", m.bundleOnly());
        m.mid().ifPresent(mid -> attribute(out, "mid", mid));
        m.extmaps().forEach(e -> attribute(out, "extmap", e.toSdpValue()));
        m.direction().ifPresent(direction -> line(out, "a=" + direction.sdpValue()));
        m.msids().forEach(msid -> attribute(out, "msid", msid.toSdpValue()));
        flag(out, "rtcp-mux", m.rtcpMux());
        flag(out, "rtcp-rsize", m.rtcpRsize());
        for (String format : m.formats()) {
            m.rtpFormats().stream().filter(f -> Integer.toString(f.payloadType()).equals(format)).findFirst()
                    .ifPresent(f -> rtpFormat(out, f));
        }
        m.ssrcGroups().forEach(g -> attribute(out, "ssrc-group", g.toSdpValue()));
        m.ssrcs().forEach(s -> attribute(out, "ssrc", s.toSdpValue()));
        m.attributes().forEach(a -> line(out, "a=" + a.toSdpValue()));
    }

    private static void rtpFormat(StringBuilder out, RtpFormat f) {
        int pt = f.payloadType();
        f.rtpMap().ifPresent(map -> attribute(out, "rtpmap", pt + " " + map.toSdpValue()));
        f.feedback().forEach(fb -> attribute(out, "rtcp-fb", pt + " " + fb.toSdpValue()));
        f.parameters().ifPresent(p -> attribute(out, "fmtp", pt + " " + p.text()));
    }

    private static void transport(StringBuilder out, IceAttributes ice, List<CertificateFingerprint> fingerprints,
            Optional<DtlsSetup> setup) {
        ice.ufrag().ifPresent(u -> attribute(out, "ice-ufrag", u));
        ice.pwd().ifPresent(p -> attribute(out, "ice-pwd", p));
        if (!ice.options().isEmpty()) {
            attribute(out, "ice-options", String.join(" ", ice.options()));
        }
        fingerprints.forEach(f -> attribute(out, "fingerprint", f.toSdpValue()));
        setup.ifPresent(s -> attribute(out, "setup", s.sdpValue()));
    }

    private static void flag(StringBuilder out, String name, boolean present) {
        if (present) {
            line(out, "a=" + name);
        }
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append("a=").append(name).append(':').append(value).append(CRLF);
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(CRLF);
    }
}
