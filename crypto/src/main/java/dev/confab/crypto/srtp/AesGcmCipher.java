package dev.confab.crypto.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM (RFC 7714): a 16-byte tag, the RTP header (or the first 8 bytes of RTCP and
 * the E flag and index word) as associated data, and a 12-byte IV of SSRC and index XOR the session salt (sections
 * 8.1 and 9.1).
 *
 * <p>Allocation: the JCE gives no way to change a GCM cipher's IV but {@code Cipher.init} with a new
 * {@link GCMParameterSpec}, and {@code init} also makes the provider's per-operation GCM state, so every packet
 * allocates that spec, a copy of the IV and the JDK's GCM engine objects (about 0.9 KB on JDK 25, short-lived; see the
 * allocation test for the measured number). A hand-written GCM would avoid it but lose the JDK's AES-NI and CLMUL
 * intrinsics. A bad tag costs an {@link AEADBadTagException} (the JCE's way of saying so), caught here. Not
 * thread-safe: one owner at a time.
 */
final class AesGcmCipher implements PacketCipher {
    private static final int TAG = 16;

    private final Cipher rtpCipher;
    private final Cipher rtcpCipher;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[12];

    AesGcmCipher(SessionKeys keys) {
        try {
            rtpCipher = Cipher.getInstance("AES/GCM/NoPadding");
            rtcpCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES-GCM", e);
        }
        rtpKey = new SecretKeySpec(keys.rtpKey(), "AES");
        rtcpKey = new SecretKeySpec(keys.rtcpKey(), "AES");
        rtpSalt = keys.rtpSalt();
        rtcpSalt = keys.rtcpSalt();
    }

    @Override
    public int protectRtp(byte[] buf, int off, int headerLength, int len, int ssrc, long index) {
        try {
            rtpCipher.init(Cipher.ENCRYPT_MODE, rtpKey, spec(rtpSalt, ssrc, index));
            rtpCipher.updateAAD(buf, off, headerLength);
            return headerLength + rtpCipher.doFinal(buf, off + headerLength, len - headerLength, buf, off + headerLength);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a checked packet", e);
        }
    }

    @Override
    public int unprotectRtp(byte[] src, int off, int headerLength, int len, int ssrc, long index, byte[] dst,
            int dstOff) {
        try {
            rtpCipher.init(Cipher.DECRYPT_MODE, rtpKey, spec(rtpSalt, ssrc, index));
            rtpCipher.updateAAD(src, off, headerLength);
            int plain = rtpCipher.doFinal(src, off + headerLength, len - headerLength, dst, dstOff + headerLength);
            if (src != dst || off != dstOff) {
                System.arraycopy(src, off, dst, dstOff, headerLength);
            }
            return headerLength + plain;
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a checked packet", e);
        }
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        int word = off + len + TAG;
        Bytes.putInt(buf, word, 0x80000000 | index);
        try {
            rtcpCipher.init(Cipher.ENCRYPT_MODE, rtcpKey, spec(rtcpSalt, ssrc, index));
            rtcpCipher.updateAAD(buf, off, 8);
            rtcpCipher.updateAAD(buf, word, 4);
            rtcpCipher.doFinal(buf, off + 8, len - 8, buf, off + 8);
            return len + TAG + 4;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a checked packet", e);
        }
    }

    @Override
    public int rtcpIndexAt(int end) {
        return end - 4;
    }

    @Override
    public int unprotectRtcp(byte[] src, int off, int len, int ssrc, int indexWord, byte[] dst, int dstOff) {
        int plain = len - TAG - 4;
        // With E = 1 only the first 8 bytes are associated data; with E = 0 the whole packet is, and nothing is secret.
        int clear = indexWord < 0 ? 8 : plain;
        try {
            rtcpCipher.init(Cipher.DECRYPT_MODE, rtcpKey, spec(rtcpSalt, ssrc, indexWord & 0x7fffffff));
            rtcpCipher.updateAAD(src, off, clear);
            rtcpCipher.updateAAD(src, off + len - 4, 4);
            rtcpCipher.doFinal(src, off + clear, plain - clear + TAG, dst, dstOff + clear);
            if (src != dst || off != dstOff) {
                System.arraycopy(src, off, dst, dstOff, clear);
            }
            return plain;
        } catch (AEADBadTagException e) {
            return -1;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed on a checked packet", e);
        }
    }

    /** IV = (00 00 || SSRC || 48-bit index) XOR salt: RFC 7714 section 8.1 (ROC || SEQ) and 9.1 (00 00 || index). */
    private GCMParameterSpec spec(byte[] salt, int ssrc, long index) {
        System.arraycopy(salt, 0, iv, 0, 12);
        Bytes.xorBigEndian(iv, 6, ssrc & 0xffffffffL, 4);
        Bytes.xorBigEndian(iv, 12, index, 6);
        return new GCMParameterSpec(TAG * 8, iv);
    }
}
