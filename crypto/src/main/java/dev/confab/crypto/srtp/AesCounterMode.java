package dev.confab.crypto.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode as SRTP uses it (RFC 3711 section 4.1.1): a 16-byte IV whose last two bytes count blocks. The
 * keystream comes from one reused {@code AES/ECB/NoPadding} cipher run over counter blocks written into reusable
 * buffers, 2 KiB (an MTU-sized packet) at a time, libsrtp's approach: no call allocates and no cipher is
 * re-initialised per packet. Not thread-safe: one owner at a time.
 */
final class AesCounterMode {
    private static final int CHUNK = 2048;
    private static final VarHandle BIG_ENDIAN = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle NATIVE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Cipher ecb;
    private final byte[] counters = new byte[CHUNK];
    private final byte[] keystream = new byte[CHUNK];

    AesCounterMode(byte[] key) {
        try {
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no AES", e);
        }
    }

    /**
     * XORs the keystream of {@code iv} into {@code buf[off, off + len)}. The IV's last two bytes are ignored: they
     * number the blocks, which limits one call to 2^16 blocks (1 MiB), far above any datagram.
     */
    void xor(byte[] iv, byte[] buf, int off, int len) {
        long high = (long) BIG_ENDIAN.get(iv, 0);
        long low = (long) BIG_ENDIAN.get(iv, 8) & ~0xffffL;
        int block = 0;
        for (int done = 0; done < len; done += CHUNK) {
            int n = Math.min(CHUNK, len - done);
            int bytes = (n + 15) & ~15;
            for (int at = 0; at < bytes; at += 16, block++) {
                BIG_ENDIAN.set(counters, at, high);
                BIG_ENDIAN.set(counters, at + 8, low | block);
            }
            try {
                ecb.update(counters, 0, bytes, keystream, 0);
            } catch (ShortBufferException e) {
                throw new IllegalStateException("keystream buffer sized wrong", e);
            }
            int base = off + done;
            int i = 0;
            for (; i + 8 <= n; i += 8) {
                NATIVE.set(buf, base + i, (long) NATIVE.get(buf, base + i) ^ (long) NATIVE.get(keystream, i));
            }
            for (; i < n; i++) {
                buf[base + i] ^= keystream[i];
            }
        }
    }
}
