package dev.confab.crypto.srtp;

/**
 * The session keys of one direction, derived from its master key (RFC 3711 section 4.3, labels 0 to 5). The
 * authentication keys are empty for the AEAD profiles, which need none. Arrays are owned by this value; nobody
 * changes them. Immutable by convention.
 *
 * @param rtpKey      SRTP encryption key (label 0)
 * @param rtpAuthKey  SRTP authentication key (label 1)
 * @param rtpSalt     SRTP salting key (label 2)
 * @param rtcpKey     SRTCP encryption key (label 3)
 * @param rtcpAuthKey SRTCP authentication key (label 4)
 * @param rtcpSalt    SRTCP salting key (label 5)
 */
record SessionKeys(byte[] rtpKey, byte[] rtpAuthKey, byte[] rtpSalt, byte[] rtcpKey, byte[] rtcpAuthKey,
        byte[] rtcpSalt) {
}
