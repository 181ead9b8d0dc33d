package dev.confab.crypto.srtp;

import java.util.Optional;

/**
 * The SRTP protection profiles Confab speaks, with the numbers and names other specifications use for them: the
 * DTLS {@code use_srtp} identifier (RFC 5764 section 4.1.2, RFC 7714 section 14.2) and the SDES crypto-suite name
 * (RFC 4568, as ffmpeg's {@code -srtp_out_suite} takes it). Ordered by preference: GCM first. Immutable.
 */
public enum SrtpProfile {
    /** AES-128-GCM, 12-byte salt, 16-byte tag on RTP and RTCP (RFC 7714). */
    AEAD_AES_128_GCM(0x0007, "AEAD_AES_128_GCM", 16, 12, 16, 16, true),
    /** AES-256-GCM, 12-byte salt, 16-byte tag on RTP and RTCP (RFC 7714). */
    AEAD_AES_256_GCM(0x0008, "AEAD_AES_256_GCM", 32, 12, 16, 16, true),
    /** AES-128 counter mode, HMAC-SHA1 tag of 80 bits (RFC 3711). */
    AES_CM_128_HMAC_SHA1_80(0x0001, "AES_CM_128_HMAC_SHA1_80", 16, 14, 10, 10, false),
    /** AES-128 counter mode, HMAC-SHA1 tag of 32 bits on RTP; SRTCP keeps 80 bits (RFC 5764 section 4.1.2). */
    AES_CM_128_HMAC_SHA1_32(0x0002, "AES_CM_128_HMAC_SHA1_32", 16, 14, 4, 10, false);

    private final int useSrtpId;
    private final String sdesName;
    private final int keyLength;
    private final int saltLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final boolean aead;

    SrtpProfile(int useSrtpId, String sdesName, int keyLength, int saltLength, int rtpTagLength, int rtcpTagLength,
            boolean aead) {
        this.useSrtpId = useSrtpId;
        this.sdesName = sdesName;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
        this.aead = aead;
    }

    /** The profile's number in the DTLS {@code use_srtp} extension. */
    public int useSrtpId() {
        return useSrtpId;
    }

    /** The crypto-suite name of SDES ({@code a=crypto}) and of ffmpeg's SRTP options. */
    public String sdesName() {
        return sdesName;
    }

    /** Master key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    /** Bytes of authentication tag an SRTP packet carries. */
    public int rtpTagLength() {
        return rtpTagLength;
    }

    /** Bytes of authentication tag an SRTCP packet carries (besides its 4-byte index). */
    public int rtcpTagLength() {
        return rtcpTagLength;
    }

    /** Whether the profile is an AEAD (GCM) one rather than counter mode with HMAC. */
    public boolean aead() {
        return aead;
    }

    /** The profile a DTLS {@code use_srtp} identifier names, if Confab speaks it. */
    public static Optional<SrtpProfile> fromUseSrtpId(int id) {
        for (SrtpProfile profile : values()) {
            if (profile.useSrtpId == id) {
                return Optional.of(profile);
            }
        }
        return Optional.empty();
    }
}
