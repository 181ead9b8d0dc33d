package dev.confab.crypto.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The allocation-free HMAC-SHA1 gives what JCE's {@code HmacSHA1} gives, and RFC 2202's first test case. */
class HmacSha1Test {

    @Test
    void rfc2202TestCase1() {
        byte[] key = new byte[20];
        java.util.Arrays.fill(key, (byte) 0x0b);
        byte[] data = "Hi There".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HmacSha1 hmac = new HmacSha1(key);
        byte[] tag = new byte[20];

        hmac.start();
        hmac.update(data, 0, data.length);
        hmac.finish(tag, 0);

        assertThat(Hex.of(tag, 0, 20)).isEqualTo("b617318655057264e28bc0b6fb378c8ef146be00");
    }

    @Test
    void matchesJceForRandomKeysAndMessagesInPieces() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[1 + random.nextInt(64)];
            byte[] data = new byte[random.nextInt(3000)];
            random.nextBytes(key);
            random.nextBytes(data);
            int split = data.length == 0 ? 0 : random.nextInt(data.length);
            HmacSha1 hmac = new HmacSha1(key);
            byte[] tag = new byte[25];

            hmac.start();
            hmac.update(data, 0, split);
            hmac.update(data, split, data.length - split);
            hmac.finish(tag, 5);

            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            assertThat(Hex.of(tag, 5, 20)).isEqualTo(Hex.of(mac.doFinal(data), 0, 20));
        }
    }
}
