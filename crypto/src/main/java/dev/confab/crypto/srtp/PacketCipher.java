package dev.confab.crypto.srtp;

/**
 * The cryptographic transform of one profile for one direction: encryption plus authentication of RTP and RTCP
 * packets whose header, SSRC and index the session has already worked out. Methods return lengths or -1 for a tag
 * that does not match; they never throw for packet content. Not thread-safe: one owner at a time.
 */
sealed interface PacketCipher permits AesCmHmacCipher, AesGcmCipher {

    /** Makes the transform the keys of {@code profile} call for. */
    static PacketCipher of(SrtpProfile profile, SessionKeys keys) {
        return profile.aead() ? new AesGcmCipher(keys) : new AesCmHmacCipher(profile, keys);
    }

    /**
     * Encrypts the payload of the RTP packet {@code buf[off, off + len)} in place and appends the tag; the caller has
     * checked there is room. Returns the protected length.
     */
    int protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index);

    /**
     * Checks the tag of the SRTP packet {@code src[off, off + len)} and writes the plain packet to {@code dst[dstOff..]}
     * (the same place, or a range not overlapping the input). Returns the plain length, or -1 if the tag does not match.
     */
    int unprotectRtp(byte[] src, int off, int headerLength, int len, int ssrc, long index, byte[] dst, int dstOff);

    /** Encrypts the RTCP packet {@code buf[off, off + len)} in place, appends E flag, index and tag; returns the length. */
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

    /** Where the E flag and SRTCP index of an SRTCP packet ending at {@code end} start. */
    int rtcpIndexAt(int end);

    /**
     * Checks the tag of the SRTCP packet {@code src[off, off + len)}, whose E flag and index word the session has read,
     * and writes the plain RTCP packet to {@code dst[dstOff..]}. Returns the plain length, or -1 for a bad tag.
     */
    int unprotectRtcp(byte[] src, int off, int len, int ssrc, int indexWord, byte[] dst, int dstOff);
}
