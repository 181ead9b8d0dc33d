package dev.confab.crypto.srtp;

/**
 * The sending half of an SRTP session: protects outgoing RTP and RTCP packets of any number of SSRCs (up to the
 * configured limit) under one master key, keeping each SSRC's rollover counter and SRTCP index.
 *
 * <p>Buffers belong to the caller. Each method reads {@code src[off, off + len)} and writes the protected packet to
 * {@code dst[dstOff..]}: either the same array at the same offset with room for the trailer after the packet (in
 * place), or a range that does not overlap the input. It returns the protected length, or a negative status that
 * {@link SrtpFailure#of(int)} explains; nothing is written on failure. Bad input never throws, and in steady state
 * nothing is allocated (except per packet by the GCM profiles, see {@link #protectRtp}).
 *
 * <p>A packet index is never protected twice ({@link SrtpFailure#REPLAYED}): that would reuse keystream.
 *
 * <p>Thread contract: one thread at a time (the stream direction's serial queue); {@link #stats()} may be read from
 * any thread.
 */
public final class SrtpSender {
    private final SrtpProfile profile;
    private final PacketCipher cipher;
    private final int replayWindow;
    private final SsrcTable<ReplayWindow> rtpStreams;
    private final SsrcTable<ReplayWindow> rtcpStreams;
    private final SrtpStats stats = new SrtpStats();

    SrtpSender(SrtpProfile profile, SessionKeys keys, SrtpConfig config) {
        this.profile = profile;
        this.cipher = PacketCipher.of(profile, keys);
        this.replayWindow = config.replayWindow();
        this.rtpStreams = new SsrcTable<>(config.maxSsrcs());
        this.rtcpStreams = new SsrcTable<>(config.maxSsrcs());
    }

    /** A sender for {@code key}'s profile with the {@link SrtpConfig#DEFAULT} limits. */
    public static SrtpSender create(SrtpMasterKey key) {
        return create(key, SrtpConfig.DEFAULT);
    }

    /** A sender for {@code key}'s profile: derives the session keys (RFC 3711 section 4.3) once, here. */
    public static SrtpSender create(SrtpMasterKey key, SrtpConfig config) {
        return new SrtpSender(key.profile(), KeyDerivation.derive(key), config);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Bytes an SRTP packet has beyond its RTP packet: the tag. */
    public int rtpOverhead() {
        return profile.rtpTagLength();
    }

    /** Bytes an SRTCP packet has beyond its RTCP packet: E flag and index, and the tag. */
    public int rtcpOverhead() {
        return 4 + profile.rtcpTagLength();
    }

    /** Counters of this sender; readable from any thread. */
    public SrtpStats stats() {
        return stats;
    }

    /**
     * Protects one RTP packet. The payload (padding included) is encrypted; the header, its CSRCs and header
     * extension stay clear but authenticated. The GCM profiles allocate about 0.9 KB of short-lived JCE state per packet
     * inside the JCE; AES-CM allocates nothing.
     */
    public int protectRtp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int tag = profile.rtpTagLength();
        if (Bytes.outside(src, off, len) || Bytes.badOutput(src, off, len, dst, dstOff, len + tag)) {
            return stats.fail(SrtpFailure.INVALID_ARGUMENT.status());
        }
        int header = RtpHeader.length(src, off, len);
        if (header < 0) {
            return stats.fail(header);
        }
        if (!RtpHeader.paddingFits(src, off, header, len)) {
            return stats.fail(SrtpFailure.MALFORMED_PADDING.status());
        }
        if (dst.length - dstOff < len + tag) {
            return stats.fail(SrtpFailure.BUFFER_TOO_SMALL.status());
        }
        int ssrc = RtpHeader.ssrc(src, off);
        ReplayWindow stream = stream(rtpStreams, ssrc);
        if (stream == null) {
            return stats.fail(SrtpFailure.SSRC_LIMIT.status());
        }
        long index = RtpIndex.estimate(stream.highest(), RtpHeader.sequence(src, off));
        if (index > RtpIndex.MAX) {
            return stats.fail(SrtpFailure.INDEX_EXHAUSTED.status());
        }
        int verdict = index < 0 ? SrtpFailure.TOO_OLD.status() : stream.check(index);
        if (verdict != ReplayWindow.OK) {
            return stats.fail(verdict);
        }
        if (src != dst || off != dstOff) {
            System.arraycopy(src, off, dst, dstOff, len);
        }
        int out = cipher.protectRtp(dst, dstOff, header, len, ssrc, index);
        stream.accept(index);
        return stats.rtpPassed(out);
    }

    /** Protects one RTP packet in place; {@code packet} needs {@link #rtpOverhead()} bytes of room after it. */
    public int protectRtp(byte[] packet, int off, int len) {
        return protectRtp(packet, off, len, packet, off);
    }

    /**
     * Protects one (compound) RTCP packet: everything after the first 8 bytes is encrypted, and the E flag is set.
     * The SSRC is the first packet's; SRTCP indices count from 0 per SSRC.
     */
    public int protectRtcp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int trailer = rtcpOverhead();
        if (Bytes.outside(src, off, len) || Bytes.badOutput(src, off, len, dst, dstOff, len + trailer)) {
            return stats.fail(SrtpFailure.INVALID_ARGUMENT.status());
        }
        if (len < 8) {
            return stats.fail(SrtpFailure.TOO_SHORT.status());
        }
        if ((src[off] & 0xc0) != 0x80) {
            return stats.fail(SrtpFailure.MALFORMED_HEADER.status());
        }
        if (dst.length - dstOff < len + trailer) {
            return stats.fail(SrtpFailure.BUFFER_TOO_SMALL.status());
        }
        int ssrc = Bytes.getInt(src, off + 4);
        ReplayWindow stream = stream(rtcpStreams, ssrc);
        if (stream == null) {
            return stats.fail(SrtpFailure.SSRC_LIMIT.status());
        }
        long index = stream.highest() + 1;
        if (index > Integer.MAX_VALUE) {
            return stats.fail(SrtpFailure.INDEX_EXHAUSTED.status());
        }
        if (src != dst || off != dstOff) {
            System.arraycopy(src, off, dst, dstOff, len);
        }
        int out = cipher.protectRtcp(dst, dstOff, len, ssrc, (int) index);
        stream.accept(index);
        return stats.rtcpPassed(out);
    }

    /** Protects one RTCP packet in place; {@code packet} needs {@link #rtcpOverhead()} bytes of room after it. */
    public int protectRtcp(byte[] packet, int off, int len) {
        return protectRtcp(packet, off, len, packet, off);
    }

    /** Makes the next SRTCP index of {@code ssrc} be {@code index}, for test vectors that start elsewhere than 0. */
    void startRtcpIndexAt(int ssrc, int index) {
        ReplayWindow stream = stream(rtcpStreams, ssrc);
        if (index > 0) {
            stream.accept(index - 1L);
        }
    }

    private ReplayWindow stream(SsrcTable<ReplayWindow> table, int ssrc) {
        ReplayWindow stream = table.get(ssrc);
        if (stream == null && !table.isFull()) {
            stream = new ReplayWindow(replayWindow);
            table.add(ssrc, stream);
        }
        return stream;
    }
}
