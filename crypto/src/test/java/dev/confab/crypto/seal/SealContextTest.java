package dev.confab.crypto.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class SealContextTest {

    @Test
    void encodingIsTheLabelThenLengthPrefixedFields() {
        SealContext context = new SealContext("m1", "alice", "laptop", "bob", "phone");

        assertThat(HexFormat.of().formatHex(context.encoded())).isEqualTo(
                "636f6e6661622d7365616c2d7631" // "confab-seal-v1"
                        + "0002" + "6d31" // "m1"
                        + "0005" + "616c696365" // "alice"
                        + "0006" + "6c6170746f70" // "laptop"
                        + "0003" + "626f62" // "bob"
                        + "0005" + "70686f6e65"); // "phone"
    }

    @Test
    void movingAFieldBoundaryChangesTheEncoding() {
        SealContext first = new SealContext("ab", "c", "d", "e", "f");
        SealContext second = new SealContext("a", "bc", "d", "e", "f");

        assertThat(first.encoded()).isNotEqualTo(second.encoded());
    }

    @Test
    void fieldsAreEncodedAsUtf8() {
        SealContext context = new SealContext("é", "s", "d", "r", "x");

        // "confab-seal-v1" (14 bytes), then 0x0002 and U+00E9 as two UTF-8 bytes.
        assertThat(HexFormat.of().formatHex(context.encoded(), 14, 18)).isEqualTo("0002c3a9");
    }

    @Test
    void rejectsEmptyOverlongAndMalformedFields() {
        assertThatThrownBy(() -> new SealContext("", "s", "d", "r", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealContext("m", "s".repeat(SealContext.MAX_FIELD_BYTES + 1), "d", "r", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealContext("m", "s", "\uD800", "r", "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("UTF-16");
        assertThatThrownBy(() -> new SealContext("m", "s", "d", null, "x")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void acceptsAFieldOfTheMaximumLength() {
        String longest = "s".repeat(SealContext.MAX_FIELD_BYTES);

        assertThat(new SealContext("m", longest, "d", "r", "x").encoded())
                .hasSize(14 + 5 * 2 + 4 + SealContext.MAX_FIELD_BYTES);
    }
}
