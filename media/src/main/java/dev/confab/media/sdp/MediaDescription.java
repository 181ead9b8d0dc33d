package dev.confab.media.sdp;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsSetup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One media section: the {@code m=} line and everything up to the next (RFC 8866 section 5.14), with the attributes
 * JSEP uses typed and every other attribute kept in order. Transport attributes (ICE, fingerprint, setup) that are
 * absent here may come from the session level: see {@link SessionDescription#iceFor}. Build one with
 * {@link #builder} or change one with {@link #toBuilder}. Immutable.
 *
 * @param media           {@code audio}, {@code video}, {@code application}, ...
 * @param port            the port; 0 rejects the section unless it is {@code bundleOnly}
 * @param portCount       the number of ports ({@code m=audio 9/2 ...}); 1 when not written
 * @param proto           e.g. {@code UDP/TLS/RTP/SAVPF}
 * @param formats         the formats of the {@code m=} line in order (payload types for RTP)
 * @param connection      the {@code c=} line, if present
 * @param lines           {@code i=}, {@code b=} and {@code k=} lines, kept as written ({@code i=} first: it is
 *                        written before {@code c=}, the others after it)
 * @param rtcp            {@code a=rtcp}
 * @param ice             {@code a=ice-ufrag}, {@code a=ice-pwd}, {@code a=ice-options}
 * @param candidates      {@code a=candidate} lines of the UDP and TCP kinds Confab uses
 * @param endOfCandidates {@code a=end-of-candidates} (RFC 8840)
 * @param fingerprints    {@code a=fingerprint} lines with {@code sha-256} (others are kept in {@code attributes})
 * @param setup           {@code a=setup}
 * @param bundleOnly      {@code a=bundle-only} (RFC 9143)
 * @param mid             {@code a=mid}
 * @param extmaps         {@code a=extmap} lines
 * @param direction       {@code a=sendrecv}/{@code sendonly}/{@code recvonly}/{@code inactive}; absent means sendrecv
 * @param msids           {@code a=msid} lines
 * @param rtcpMux         {@code a=rtcp-mux}
 * @param rtcpRsize       {@code a=rtcp-rsize}
 * @param rtpFormats      rtpmap, rtcp-fb and fmtp per payload type of {@code formats}, in {@code formats} order
 * @param ssrcGroups      {@code a=ssrc-group} lines
 * @param ssrcs           {@code a=ssrc} lines
 * @param attributes      every other attribute, in order
 */
public record MediaDescription(String media, int port, int portCount, String proto, List<String> formats,
        Optional<ConnectionData> connection, List<SdpLine> lines, Optional<RtcpAddress> rtcp, IceAttributes ice,
        List<Candidate> candidates, boolean endOfCandidates, List<CertificateFingerprint> fingerprints,
        Optional<DtlsSetup> setup, boolean bundleOnly, Optional<String> mid, List<Extmap> extmaps,
        Optional<Direction> direction, List<Msid> msids, boolean rtcpMux, boolean rtcpRsize, List<RtpFormat> rtpFormats,
        List<SsrcGroup> ssrcGroups, List<SsrcAttribute> ssrcs, List<Attribute> attributes) {
    /** The media type of audio sections. */
    public static final String AUDIO = "audio";
    /** The media type of video sections. */
    public static final String VIDEO = "video";
    /** The protocol of WebRTC media: RTP/AVPF over DTLS-SRTP over UDP (or TCP) (RFC 5764). */
    public static final String UDP_TLS_RTP_SAVPF = "UDP/TLS/RTP/SAVPF";
    /** The dummy port JSEP writes before a default candidate is known (RFC 9429 section 5.2.1). */
    public static final int DISCARD_PORT = 9;

    /** Validates every field and copies the lists; formats that write no line are left out of {@code rtpFormats}. */
    public MediaDescription {
        Tokens.token("media type", media);
        Tokens.inRange("media port", port, 0, 65535);
        Tokens.inRange("port count", portCount, 1, 65535);
        for (String part : proto.split("/", -1)) {
            Tokens.token("media protocol", part);
        }
        formats = List.copyOf(formats);
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("an m= line needs at least one format");
        }
        formats.forEach(f -> Tokens.token("media format", f));
        if (new HashSet<>(formats).size() != formats.size()) {
            throw new IllegalArgumentException("a format is listed twice on the m= line");
        }
        for (SdpLine line : lines) {
            if ("ibk".indexOf(line.type()) < 0) {
                throw new IllegalArgumentException("a media section keeps only i=, b= and k= lines unmodelled");
            }
        }
        lines = Stream.concat(lines.stream().filter(l -> l.type() == 'i'), lines.stream().filter(l -> l.type() != 'i'))
                .toList();
        candidates = List.copyOf(candidates);
        fingerprints = List.copyOf(fingerprints);
        mid.ifPresent(m -> Tokens.token("mid", m));
        extmaps = List.copyOf(extmaps);
        msids = List.copyOf(msids);
        rtpFormats = rtpFormats.stream().filter(f -> !f.isBare()).toList();
        checkRtpFormats(formats, rtpFormats);
        ssrcGroups = List.copyOf(ssrcGroups);
        ssrcs = List.copyOf(ssrcs);
        attributes = List.copyOf(attributes);
    }

    /** A builder for a section of this media type and protocol, on the JSEP discard port, with no formats yet. */
    public static Builder builder(String media, String proto) {
        return new Builder(media, proto);
    }

    /** A builder holding this section's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether the protocol carries RTP, so the formats are payload types. */
    public boolean isRtp() {
        return proto.contains("RTP/");
    }

    /** Whether the section is rejected or disabled: port 0 without {@code a=bundle-only} (RFC 3264, RFC 9143). */
    public boolean isRejected() {
        return port == 0 && !bundleOnly;
    }

    /** The direction, {@code sendrecv} when absent. */
    public Direction effectiveDirection() {
        return direction.orElse(Direction.SENDRECV);
    }

    /**
     * The payload types of an RTP section, in {@code m=} line order.
     *
     * @throws IllegalArgumentException for a section whose formats are not payload types (see {@link #isRtp})
     */
    public List<Integer> payloadTypes() {
        List<Integer> types = new ArrayList<>(formats.size());
        for (String format : formats) {
            types.add(Tokens.integer("payload type", format, 0, 127));
        }
        return types;
    }

    /** The rtpmap, feedback and parameters of one payload type, if the section has any. */
    public Optional<RtpFormat> rtpFormat(int payloadType) {
        return rtpFormats.stream().filter(f -> f.payloadType() == payloadType).findFirst();
    }

    private static void checkRtpFormats(List<String> formats, List<RtpFormat> rtpFormats) {
        Set<Integer> seen = new HashSet<>();
        for (RtpFormat format : rtpFormats) {
            if (!seen.add(format.payloadType())) {
                throw new IllegalArgumentException("payload type " + format.payloadType() + " is described twice");
            }
            if (!formats.contains(Integer.toString(format.payloadType()))) {
                throw new IllegalArgumentException("payload type " + format.payloadType() + " is not on the m= line");
            }
        }
    }

    /** Collects the values of a {@link MediaDescription}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private final String media;
        private final String proto;
        private int port = DISCARD_PORT;
        private int portCount = 1;
        private final List<String> formats = new ArrayList<>();
        private Optional<ConnectionData> connection = Optional.empty();
        private final List<SdpLine> lines = new ArrayList<>();
        private Optional<RtcpAddress> rtcp = Optional.empty();
        private IceAttributes ice = IceAttributes.NONE;
        private final List<Candidate> candidates = new ArrayList<>();
        private boolean endOfCandidates;
        private final List<CertificateFingerprint> fingerprints = new ArrayList<>();
        private Optional<DtlsSetup> setup = Optional.empty();
        private boolean bundleOnly;
        private Optional<String> mid = Optional.empty();
        private final List<Extmap> extmaps = new ArrayList<>();
        private Optional<Direction> direction = Optional.empty();
        private final List<Msid> msids = new ArrayList<>();
        private boolean rtcpMux;
        private boolean rtcpRsize;
        private final List<RtpFormat> rtpFormats = new ArrayList<>();
        private final List<SsrcGroup> ssrcGroups = new ArrayList<>();
        private final List<SsrcAttribute> ssrcs = new ArrayList<>();
        private final List<Attribute> attributes = new ArrayList<>();

        private Builder(String media, String proto) {
            this.media = media;
            this.proto = proto;
        }

        private Builder(MediaDescription m) {
            this(m.media, m.proto);
            port = m.port;
            portCount = m.portCount;
            formats.addAll(m.formats);
            connection = m.connection;
            lines.addAll(m.lines);
            rtcp = m.rtcp;
            ice = m.ice;
            candidates.addAll(m.candidates);
            endOfCandidates = m.endOfCandidates;
            fingerprints.addAll(m.fingerprints);
            setup = m.setup;
            bundleOnly = m.bundleOnly;
            mid = m.mid;
            extmaps.addAll(m.extmaps);
            direction = m.direction;
            msids.addAll(m.msids);
            rtcpMux = m.rtcpMux;
            rtcpRsize = m.rtcpRsize;
            rtpFormats.addAll(m.rtpFormats);
            ssrcGroups.addAll(m.ssrcGroups);
            ssrcs.addAll(m.ssrcs);
            attributes.addAll(m.attributes);
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder portCount(int value) {
            portCount = value;
            return this;
        }

        /** Replaces the formats of the {@code m=} line; described payload types not among them are dropped. */
        public Builder formats(List<String> value) {
            formats.clear();
            formats.addAll(value);
            rtpFormats.removeIf(f -> !formats.contains(Integer.toString(f.payloadType())));
            return this;
        }

        /** Adds a payload type's description, and the payload type to the {@code m=} line if it is not there. */
        public Builder addRtpFormat(RtpFormat value) {
            String payloadType = Integer.toString(value.payloadType());
            if (!formats.contains(payloadType)) {
                formats.add(payloadType);
            }
            rtpFormats.add(value);
            return this;
        }

        public Builder connection(ConnectionData value) {
            connection = Optional.of(value);
            return this;
        }

        public Builder addLine(SdpLine value) {
            lines.add(value);
            return this;
        }

        public Builder rtcp(RtcpAddress value) {
            rtcp = Optional.of(value);
            return this;
        }

        public Builder ice(IceAttributes value) {
            ice = value;
            return this;
        }

        public Builder addCandidate(Candidate value) {
            candidates.add(value);
            return this;
        }

        public Builder endOfCandidates(boolean value) {
            endOfCandidates = value;
            return this;
        }

        public Builder addFingerprint(CertificateFingerprint value) {
            fingerprints.add(value);
            return this;
        }

        public Builder setup(DtlsSetup value) {
            setup = Optional.of(value);
            return this;
        }

        public Builder bundleOnly(boolean value) {
            bundleOnly = value;
            return this;
        }

        public Builder mid(String value) {
            mid = Optional.of(value);
            return this;
        }

        public Builder addExtmap(Extmap value) {
            extmaps.add(value);
            return this;
        }

        public Builder direction(Direction value) {
            direction = Optional.of(value);
            return this;
        }

        public Builder addMsid(Msid value) {
            msids.add(value);
            return this;
        }

        public Builder rtcpMux(boolean value) {
            rtcpMux = value;
            return this;
        }

        public Builder rtcpRsize(boolean value) {
            rtcpRsize = value;
            return this;
        }

        public Builder addSsrcGroup(SsrcGroup value) {
            ssrcGroups.add(value);
            return this;
        }

        public Builder addSsrc(SsrcAttribute value) {
            ssrcs.add(value);
            return this;
        }

        public Builder addAttribute(Attribute value) {
            attributes.add(value);
            return this;
        }

        /**
         * The section.
         *
         * @throws IllegalArgumentException if a value breaks the SDP grammar (no formats, a described payload type
         *                                  twice, ...)
         */
        public MediaDescription build() {
            return new MediaDescription(media, port, portCount, proto, formats, connection, lines, rtcp, ice,
                    candidates, endOfCandidates, fingerprints, setup, bundleOnly, mid, extmaps, direction, msids,
                    rtcpMux, rtcpRsize, rtpFormats, ssrcGroups, ssrcs, attributes);
        }
    }
}
