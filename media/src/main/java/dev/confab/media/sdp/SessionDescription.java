package dev.confab.media.sdp;

import dev.confab.crypto.dtls.CertificateFingerprint;
import dev.confab.crypto.dtls.DtlsSetup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A whole SDP session description (RFC 8866) as JSEP uses it: the session-level lines and attributes, typed where
 * Confab acts on them, and the media sections. Unmodelled lines and attributes are kept in order and written back.
 * {@link #parse} reads bounded, untrusted text; {@link #toSdp} writes CRLF lines in a canonical order (Chromium's).
 * Immutable; safe to share between threads.
 *
 * @param origin           the {@code o=} line
 * @param sessionName      the {@code s=} value ({@code -} in JSEP)
 * @param lines            other session lines ({@code i u e p c b} written before {@code t=}; {@code r z k} and
 *                         further {@code t=} after it), in order
 * @param timing           the first {@code t=} line
 * @param iceLite          {@code a=ice-lite}
 * @param ice              session-level {@code a=ice-ufrag}, {@code a=ice-pwd}, {@code a=ice-options}
 * @param endOfCandidates  session-level {@code a=end-of-candidates} (RFC 8840): no more candidates in any section
 * @param fingerprints     session-level {@code a=fingerprint} with {@code sha-256}
 * @param setup            session-level {@code a=setup}
 * @param groups           {@code a=group} lines, such as BUNDLE
 * @param extmapAllowMixed {@code a=extmap-allow-mixed} (RFC 8285 section 6)
 * @param msidSemantic     {@code a=msid-semantic}
 * @param attributes       other session attributes, in order
 * @param media            the media sections, in order
 */
public record SessionDescription(Origin origin, String sessionName, List<SdpLine> lines, Timing timing,
        boolean iceLite, IceAttributes ice, boolean endOfCandidates, List<CertificateFingerprint> fingerprints, Optional<DtlsSetup> setup,
        List<Group> groups, boolean extmapAllowMixed, Optional<MsidSemantic> msidSemantic, List<Attribute> attributes,
        List<MediaDescription> media) {
    /** The session-level line types written before {@code t=}; the others go after it. */
    static final String BEFORE_TIMING = "iuepcb";

    /** Validates and copies; the lines written before {@code t=} are put first, each group keeping its order. */
    public SessionDescription {
        Tokens.text("session name", sessionName);
        for (SdpLine line : lines) {
            if ((BEFORE_TIMING + "trzk").indexOf(line.type()) < 0) {
                throw new IllegalArgumentException("the session keeps no '" + line.type() + "=' line unmodelled");
            }
        }
        lines = Stream.concat(lines.stream().filter(SessionDescription::beforeTiming),
                lines.stream().filter(l -> !beforeTiming(l))).toList();
        fingerprints = List.copyOf(fingerprints);
        groups = List.copyOf(groups);
        attributes = List.copyOf(attributes);
        media = List.copyOf(media);
        if (media.size() > SdpLimits.MAX_MEDIA) {
            throw new IllegalArgumentException("more than " + SdpLimits.MAX_MEDIA + " media sections");
        }
    }

    /**
     * Reads a session description: CRLF or LF line ends, at most {@link SdpLimits#MAX_CHARS} characters.
     *
     * @throws SdpParseException naming the line and the reason, for anything Confab does not accept
     */
    public static SessionDescription parse(String text) throws SdpParseException {
        return SdpParser.parse(text);
    }

    static boolean beforeTiming(SdpLine line) {
        return BEFORE_TIMING.indexOf(line.type()) >= 0;
    }

    /** A builder for a description with this origin, {@code s=-} and {@code t=0 0}. */
    public static Builder builder(Origin origin) {
        return new Builder(origin);
    }

    /** A builder holding this description's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The description as SDP text: CRLF line ends, canonical order. */
    public String toSdp() {
        return SdpWriter.write(this);
    }

    /** The first BUNDLE group, if any. */
    public Optional<Group> bundleGroup() {
        return groups.stream().filter(Group::isBundle).findFirst();
    }

    /** The media section with this mid, if any. */
    public Optional<MediaDescription> mediaWithMid(String mid) {
        return media.stream().filter(m -> m.mid().equals(Optional.of(mid))).findFirst();
    }

    /** The ICE attributes in force for a media section: its own, each missing one taken from the session level. */
    public IceAttributes iceFor(MediaDescription section) {
        return section.ice().orElse(ice);
    }

    /** Whether a media section's candidates are complete: its own {@code a=end-of-candidates} or the session's. */
    public boolean endOfCandidatesFor(MediaDescription section) {
        return section.endOfCandidates() || endOfCandidates;
    }

    /** The fingerprints in force for a media section: its own, else the session level's. */
    public List<CertificateFingerprint> fingerprintsFor(MediaDescription section) {
        return section.fingerprints().isEmpty() ? fingerprints : section.fingerprints();
    }

    /** The {@code a=setup} in force for a media section: its own, else the session level's. */
    public Optional<DtlsSetup> setupFor(MediaDescription section) {
        return section.setup().or(() -> setup);
    }

    /** Collects the values of a {@link SessionDescription}. Not thread-safe; use one per thread. */
    public static final class Builder {
        private Origin origin;
        private String sessionName = "-";
        private final List<SdpLine> lines = new ArrayList<>();
        private Timing timing = Timing.UNBOUNDED;
        private boolean iceLite;
        private IceAttributes ice = IceAttributes.NONE;
        private boolean endOfCandidates;
        private final List<CertificateFingerprint> fingerprints = new ArrayList<>();
        private Optional<DtlsSetup> setup = Optional.empty();
        private final List<Group> groups = new ArrayList<>();
        private boolean extmapAllowMixed;
        private Optional<MsidSemantic> msidSemantic = Optional.empty();
        private final List<Attribute> attributes = new ArrayList<>();
        private final List<MediaDescription> media = new ArrayList<>();

        private Builder(Origin origin) {
            this.origin = origin;
        }

        private Builder(SessionDescription d) {
            this(d.origin);
            sessionName = d.sessionName;
            lines.addAll(d.lines);
            timing = d.timing;
            iceLite = d.iceLite;
            ice = d.ice;
            endOfCandidates = d.endOfCandidates;
            fingerprints.addAll(d.fingerprints);
            setup = d.setup;
            groups.addAll(d.groups);
            extmapAllowMixed = d.extmapAllowMixed;
            msidSemantic = d.msidSemantic;
            attributes.addAll(d.attributes);
            media.addAll(d.media);
        }

        public Builder origin(Origin value) {
            origin = value;
            return this;
        }

        public Builder sessionName(String value) {
            sessionName = value;
            return this;
        }

        public Builder addLine(SdpLine value) {
            lines.add(value);
            return this;
        }

        public Builder timing(Timing value) {
            timing = value;
            return this;
        }

        public Builder iceLite(boolean value) {
            iceLite = value;
            return this;
        }

        public Builder ice(IceAttributes value) {
            ice = value;
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

        public Builder addGroup(Group value) {
            groups.add(value);
            return this;
        }

        public Builder extmapAllowMixed(boolean value) {
            extmapAllowMixed = value;
            return this;
        }

        public Builder msidSemantic(MsidSemantic value) {
            msidSemantic = Optional.of(value);
            return this;
        }

        public Builder addAttribute(Attribute value) {
            attributes.add(value);
            return this;
        }

        public Builder addMedia(MediaDescription value) {
            media.add(value);
            return this;
        }

        int mediaCount() {
            return media.size();
        }

        /** Replaces the media sections. */
        public Builder media(List<MediaDescription> value) {
            media.clear();
            media.addAll(value);
            return this;
        }

        /**
         * The description.
         *
         * @throws IllegalArgumentException if a value breaks the SDP grammar
         */
        public SessionDescription build() {
            return new SessionDescription(origin, sessionName, lines, timing, iceLite, ice, endOfCandidates,
                    fingerprints, setup, groups,
                    extmapAllowMixed, msidSemantic, attributes, media);
        }
    }
}
