package dev.confab.crypto.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.crypto.CryptoException;
import dev.confab.testkit.TestRandom;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StoreCipherTest {

    private static final byte[] PLAINTEXT = "contact: bob".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AD = "contacts/42".getBytes(StandardCharsets.UTF_8);

    private final byte[] key = StoreCipher.newKey(TestRandom.seeded(1));
    private final StoreCipher cipher = new StoreCipher(key, TestRandom.seeded(2));

    @Test
    void roundTrip() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, AD);

        assertThat(sealed).hasSize(PLAINTEXT.length + StoreCipher.OVERHEAD);
        assertThat(sealed[0]).isEqualTo(StoreCipher.VERSION);
        assertThat(cipher.decrypt(sealed, AD)).isEqualTo(PLAINTEXT);
        assertThat(new StoreCipher(key).decrypt(sealed, AD)).as("another instance with the key").isEqualTo(PLAINTEXT);
    }

    @Test
    void emptyPlaintextAndAssociatedData() {
        assertThat(cipher.decrypt(cipher.encrypt(new byte[0], new byte[0]), new byte[0])).isEmpty();
    }

    @Test
    void nonceIsFreshForEveryRecord() {
        byte[] first = cipher.encrypt(PLAINTEXT, AD);
        byte[] second = cipher.encrypt(PLAINTEXT, AD);

        assertThat(Arrays.copyOfRange(second, 1, 13)).isNotEqualTo(Arrays.copyOfRange(first, 1, 13));
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aChangedByteAnywhereIsRejected() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, AD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;

            assertThatThrownBy(() -> cipher.decrypt(tampered, AD)).as("byte %d", i).isInstanceOf(CryptoException.class);
        }
    }

    @Test
    void otherAssociatedDataIsRejected() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, AD);

        assertThatThrownBy(() -> cipher.decrypt(sealed, "contacts/43".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("authentication");
    }

    @Test
    void otherKeyIsRejected() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, AD);
        StoreCipher other = new StoreCipher(StoreCipher.newKey(TestRandom.seeded(3)));

        assertThatThrownBy(() -> other.decrypt(sealed, AD)).isInstanceOf(CryptoException.class);
    }

    @Test
    void truncatedRecordIsRejected() {
        byte[] sealed = cipher.encrypt(new byte[0], AD);
        for (int length = 0; length < sealed.length; length++) {
            byte[] truncated = Arrays.copyOf(sealed, length);

            assertThatThrownBy(() -> cipher.decrypt(truncated, AD))
                    .as("first %d bytes", length)
                    .isInstanceOf(CryptoException.class)
                    .hasMessageContaining("shorter than");
        }
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] sealed = cipher.encrypt(PLAINTEXT, AD);
        sealed[0] = 2;

        assertThatThrownBy(() -> cipher.decrypt(sealed, AD))
                .isInstanceOf(CryptoException.class)
                .hasMessageContaining("version 2");
    }

    @Test
    void keyMustBe32Bytes() {
        assertThatThrownBy(() -> new StoreCipher(new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThat(StoreCipher.newKey(TestRandom.seeded(4))).hasSize(StoreCipher.KEY_LENGTH);
    }

    @Test
    void laterChangesToTheKeyArrayDoNotAffectTheCipher() {
        byte[] mutable = key.clone();
        StoreCipher fromMutable = new StoreCipher(mutable);
        byte[] sealed = fromMutable.encrypt(PLAINTEXT, AD);
        Arrays.fill(mutable, (byte) 0);

        assertThat(fromMutable.decrypt(sealed, AD)).isEqualTo(PLAINTEXT);
    }
}
