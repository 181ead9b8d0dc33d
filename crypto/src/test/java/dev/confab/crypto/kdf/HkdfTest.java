package dev.confab.crypto.kdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HkdfTest {

    private static final byte[] PRK = Hkdf.extract(new byte[0], new byte[] {1, 2, 3});

    @Test
    void expandProducesTheRequestedLengthUpToTheMaximum() {
        assertThat(Hkdf.expand(PRK, new byte[0], 1)).hasSize(1);
        assertThat(Hkdf.expand(PRK, new byte[0], Hkdf.MAX_OUTPUT_LENGTH)).hasSize(255 * 32);
    }

    @Test
    void shorterOutputIsAPrefixOfLongerOutput() {
        byte[] longer = Hkdf.expand(PRK, new byte[] {9}, 100);

        assertThat(Hkdf.expand(PRK, new byte[] {9}, 44)).isEqualTo(Arrays.copyOf(longer, 44));
    }

    @Test
    void rejectsLengthsOutOfRange() {
        assertThatThrownBy(() -> Hkdf.expand(PRK, new byte[0], 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.expand(PRK, new byte[0], Hkdf.MAX_OUTPUT_LENGTH + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hkdf.derive(new byte[0], PRK, new byte[0], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsAShortPseudorandomKey() {
        assertThatThrownBy(() -> Hkdf.expand(new byte[31], new byte[0], 32))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 32 bytes");
    }
}
