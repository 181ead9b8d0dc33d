package dev.confab.crypto.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** RFC 9106 section 5.3: the Argon2id test vector, through the derivation {@link PasswordHasher} uses. */
class PasswordHasherRfcVectorsTest {

    @Test
    void argon2idWithSecretAndAssociatedData() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associatedData = filled(12, 0x04);
        // Memory 32 KiB, 3 passes, 4 lanes, 32-byte tag.
        Argon2Params params = new Argon2Params(32, 3, 4);

        byte[] tag = PasswordHasher.argon2id(password, salt, secret, associatedData, params, 32);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
