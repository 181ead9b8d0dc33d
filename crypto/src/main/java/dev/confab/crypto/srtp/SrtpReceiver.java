package dev.confab.crypto.srtp;

/**
 * The receiving half of an SRTP session: checks and decrypts incoming SRTP and SRTCP packets of any number of SSRCs
 * (up to the configured limit) under one master key, estimating each SSRC's rollover counter (RFC 3711 Appendix A)
 * and rejecting replays within the configured window.
 *
 * <p>Buffers belong to the caller. Each method reads {@code src[off, off + len)} and writes the plain packet to
 * {@code dst[dstOff..]}: the same array at the same offset (in place), or a range that does not overlap the input.
 * It returns the plain length, or a negative status that {@link SrtpFailure#of(int)} explains, and counts it in
 * {@link #stats()}. Bad input never throws. A packet's state (ROC, replay window, a new SSRC's context) changes only
 * once it has authenticated, so forged packets cannot move a stream or fill the SSRC table. After a failure the
 * contents of {@code dst} are unspecified. In steady state nothing is allocated with AES-CM; GCM allocates inside
 * the JCE per packet (see {@link SrtpSender#protectRtp}).
 *
 * <p>Thread contract: one thread at a time (the receive path's serial queue); {@link #stats()} may be read from any
 * thread.
 */
public final class SrtpReceiver {
    private final SrtpProfile profile;
    private final PacketCipher cipher;
    private final int replayWindow;
    private final SsrcTable<ReplayWindow> rtpStreams;
    private final SsrcTable<ReplayWindow> rtcpStreams;
    private final SrtpStats stats = new SrtpStats();

    SrtpReceiver(SrtpProfile profile, SessionKeys keys, SrtpConfig config) {
        this.profile = profile;
        this.cipher = PacketCipher.of(profile, keys);
        this.replayWindow = config.replayWindow();
        this.rtpStreams = new SsrcTable<>(config.maxSsrcs());
        this.rtcpStreams = new SsrcTable<>(config.maxSsrcs());
    }

    /** A receiver for {@code key}'s profile with the {@link SrtpConfig#DEFAULT} limits. */
    public static SrtpReceiver create(SrtpMasterKey key) {
        return create(key, SrtpConfig.DEFAULT);
    }

    /** A receiver for {@code key}'s profile: derives the session keys (RFC 3711 section 4.3) once, here. */
    public static SrtpReceiver create(SrtpMasterKey key, SrtpConfig config) {
        return new SrtpReceiver(key.profile(), KeyDerivation.derive(key), config);
    }

    public SrtpProfile profile() {
        return profile;
    }

    /** Counters of this receiver; readable from any thread. */
    public SrtpStats stats() {
        return stats;
    }

    /** SSRCs that have an SRTP context (at most the configured limit). */
    public int rtpSsrcCount() {
        return rtpStreams.size();
    }

    /** SSRCs that have an SRTCP context (at most the configured limit). */
    public int rtcpSsrcCount() {
        return rtcpStreams.size();
    }

    /**
     * Unprotects one SRTP packet. The output keeps any RTP padding: stripping it is the RTP layer's job, but a P bit
     * whose count does not fit is reported as {@link SrtpFailure#MALFORMED_PADDING} (after the packet has
     * authenticated, so it still counts against replay).
     */
    public int unprotectRtp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int tag = profile.rtpTagLength();
        if (Bytes.outside(src, off, len) || Bytes.badOutput(src, off, len, dst, dstOff, len)) {
            return stats.fail(SrtpFailure.INVALID_ARGUMENT.status());
        }
        if (len < RtpHeader.FIXED + tag) {
            return stats.fail(SrtpFailure.TOO_SHORT.status());
        }
        int header = RtpHeader.length(src, off, len - tag);
        if (header < 0) {
            return stats.fail(header);
        }
        if (dst.length - dstOff < len - tag) {
            return stats.fail(SrtpFailure.BUFFER_TOO_SMALL.status());
        }
        int ssrc = RtpHeader.ssrc(src, off);
        ReplayWindow stream = rtpStreams.get(ssrc);
        if (stream == null && rtpStreams.isFull()) {
            return stats.fail(SrtpFailure.SSRC_LIMIT.status());
        }
        long index = RtpIndex.estimate(stream == null ? -1 : stream.highest(), RtpHeader.sequence(src, off));
        if (index > RtpIndex.MAX) {
            return stats.fail(SrtpFailure.INDEX_EXHAUSTED.status());
        }
        int verdict = index < 0 ? SrtpFailure.TOO_OLD.status() : stream == null ? ReplayWindow.OK : stream.check(index);
        if (verdict != ReplayWindow.OK) {
            return stats.fail(verdict);
        }
        int plain = cipher.unprotectRtp(src, off, header, len, ssrc, index, dst, dstOff);
        if (plain < 0) {
            return stats.fail(SrtpFailure.AUTH_FAILED.status());
        }
        accept(rtpStreams, stream, ssrc, index);
        if (!RtpHeader.paddingFits(dst, dstOff, header, plain)) {
            return stats.fail(SrtpFailure.MALFORMED_PADDING.status());
        }
        return stats.rtpPassed(plain);
    }

    /** Unprotects one SRTP packet in place. */
    public int unprotectRtp(byte[] packet, int off, int len) {
        return unprotectRtp(packet, off, len, packet, off);
    }

    /** Unprotects one SRTCP packet, encrypted (E flag set) or only authenticated (E flag clear). */
    public int unprotectRtcp(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int trailer = 4 + profile.rtcpTagLength();
        if (Bytes.outside(src, off, len) || Bytes.badOutput(src, off, len, dst, dstOff, len)) {
            return stats.fail(SrtpFailure.INVALID_ARGUMENT.status());
        }
        if (len < 8 + trailer) {
            return stats.fail(SrtpFailure.TOO_SHORT.status());
        }
        if ((src[off] & 0xc0) != 0x80) {
            return stats.fail(SrtpFailure.MALFORMED_HEADER.status());
        }
        if (dst.length - dstOff < len - trailer) {
            return stats.fail(SrtpFailure.BUFFER_TOO_SMALL.status());
        }
        int ssrc = Bytes.getInt(src, off + 4);
        int word = Bytes.getInt(src, off + cipher.rtcpIndexAt(len));
        long index = word & 0x7fffffff;
        ReplayWindow stream = rtcpStreams.get(ssrc);
        if (stream == null && rtcpStreams.isFull()) {
            return stats.fail(SrtpFailure.SSRC_LIMIT.status());
        }
        int verdict = stream == null ? ReplayWindow.OK : stream.check(index);
        if (verdict != ReplayWindow.OK) {
            return stats.fail(verdict);
        }
        int plain = cipher.unprotectRtcp(src, off, len, ssrc, word, dst, dstOff);
        if (plain < 0) {
            return stats.fail(SrtpFailure.AUTH_FAILED.status());
        }
        accept(rtcpStreams, stream, ssrc, index);
        return stats.rtcpPassed(plain);
    }

    /** Unprotects one SRTCP packet in place. */
    public int unprotectRtcp(byte[] packet, int off, int len) {
        return unprotectRtcp(packet, off, len, packet, off);
    }

    private void accept(SsrcTable<ReplayWindow> table, ReplayWindow known, int ssrc, long index) {
        ReplayWindow stream = known;
        if (stream == null) {
            stream = new ReplayWindow(replayWindow);
            table.add(ssrc, stream);
        }
        stream.accept(index);
    }
}
