package dev.confab.crypto.srtp;

/**
 * AES_CM_128_HMAC_SHA1_80 and _32 (RFC 3711 sections 4.1.1 and 4.2.1): AES counter mode keyed per packet by SSRC and
 * index, then an HMAC-SHA1 tag over the packet (and the ROC for SRTP, the E flag and index for SRTCP) truncated to
 * the profile's length. Authentication is checked before anything is decrypted or written. Allocates nothing per
 * packet. Not thread-safe: one owner at a time.
 */
final class AesCmHmacCipher implements PacketCipher {
    private final AesCounterMode rtpCipher;
    private final AesCounterMode rtcpCipher;
    private final HmacSha1 rtpMac;
    private final HmacSha1 rtcpMac;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final byte[] iv = new byte[16];
    private final byte[] tag = new byte[HmacSha1.LENGTH];
    private final byte[] roc = new byte[4];

    AesCmHmacCipher(SrtpProfile profile, SessionKeys keys) {
        rtpCipher = new AesCounterMode(keys.rtpKey());
        rtcpCipher = new AesCounterMode(keys.rtcpKey());
        rtpMac = new HmacSha1(keys.rtpAuthKey());
        rtcpMac = new HmacSha1(keys.rtcpAuthKey());
        rtpSalt = keys.rtpSalt();
        rtcpSalt = keys.rtcpSalt();
        rtpTagLength = profile.rtpTagLength();
        rtcpTagLength = profile.rtcpTagLength();
    }

    @Override
    public int protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
        rtpCipher.xor(iv(rtpSalt, ssrc, index), buf, off + headerLength, len - headerLength);
        rtpTag(buf, off, len, index);
        System.arraycopy(tag, 0, buf, off + len, rtpTagLength);
        return len + rtpTagLength;
    }

    @Override
    public int unprotectRtp(byte[] src, int off, int headerLength, int len, int ssrc, long index, byte[] dst,
            int dstOff) {
        int plain = len - rtpTagLength;
        rtpTag(src, off, plain, index);
        if (!Bytes.constantTimeEquals(tag, 0, src, off + plain, rtpTagLength)) {
            return -1;
        }
        if (src != dst || off != dstOff) {
            System.arraycopy(src, off, dst, dstOff, plain);
        }
        rtpCipher.xor(iv(rtpSalt, ssrc, index), dst, dstOff + headerLength, plain - headerLength);
        return plain;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        rtcpCipher.xor(iv(rtcpSalt, ssrc, index), buf, off + 8, len - 8);
        Bytes.putInt(buf, off + len, 0x80000000 | index);
        rtcpMac.start();
        rtcpMac.update(buf, off, len + 4);
        rtcpMac.finish(tag, 0);
        System.arraycopy(tag, 0, buf, off + len + 4, rtcpTagLength);
        return len + 4 + rtcpTagLength;
    }

    @Override
    public int rtcpIndexAt(int end) {
        return end - rtcpTagLength - 4;
    }

    @Override
    public int unprotectRtcp(byte[] src, int off, int len, int ssrc, int indexWord, byte[] dst, int dstOff) {
        int authenticated = len - rtcpTagLength;
        rtcpMac.start();
        rtcpMac.update(src, off, authenticated);
        rtcpMac.finish(tag, 0);
        if (!Bytes.constantTimeEquals(tag, 0, src, off + authenticated, rtcpTagLength)) {
            return -1;
        }
        int plain = authenticated - 4;
        if (src != dst || off != dstOff) {
            System.arraycopy(src, off, dst, dstOff, plain);
        }
        if (indexWord < 0) {
            rtcpCipher.xor(iv(rtcpSalt, ssrc, indexWord & 0x7fffffff), dst, dstOff + 8, plain - 8);
        }
        return plain;
    }

    /** Tag over {@code buf[off, off + len)} and the 32-bit ROC (RFC 3711 section 4.2: M = Authenticated Portion || ROC). */
    private void rtpTag(byte[] buf, int off, int len, long index) {
        Bytes.putInt(roc, 0, (int) (index >>> 16));
        rtpMac.start();
        rtpMac.update(buf, off, len);
        rtpMac.update(roc, 0, 4);
        rtpMac.finish(tag, 0);
    }

    /** IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16), RFC 3711 section 4.1.1. */
    private byte[] iv(byte[] salt, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        Bytes.xorBigEndian(iv, 8, ssrc & 0xffffffffL, 4);
        Bytes.xorBigEndian(iv, 14, index, 6);
        return iv;
    }
}
