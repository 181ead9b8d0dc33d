package dev.confab.crypto.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafetyNumberTest {

    private static final byte[] ALICE_LAPTOP = filled(0x01);
    private static final byte[] ALICE_PHONE = filled(0x02);
    private static final byte[] BOB = filled(0xb0);

    /**
     * A known answer, computed separately with Python's hashlib from the derivation in the Javadoc, so the code
     * and its documentation cannot drift apart.
     */
    @Test
    void matchesTheDocumentedDerivation() {
        assertThat(SafetyNumber.of("alice", List.of(ALICE_PHONE, ALICE_LAPTOP), "bob", List.of(BOB)))
                .isEqualTo("91745 47439 72384 88397 48639 87017 95717 89128 55395 96978 71315 28807");
    }

    @Test
    void isSixtyDigitsInTwelveGroups() {
        assertThat(SafetyNumber.of("alice", ALICE_LAPTOP, "bob", BOB)).matches("([0-9]{5} ){11}[0-9]{5}");
    }

    @Test
    void isSymmetric() {
        List<byte[]> alice = List.of(ALICE_LAPTOP, ALICE_PHONE);

        assertThat(SafetyNumber.of("alice", alice, "bob", List.of(BOB)))
                .isEqualTo(SafetyNumber.of("bob", List.of(BOB), "alice", alice));
    }

    @Test
    void keyOrderAndDuplicatesDoNotMatter() {
        String number = SafetyNumber.of("alice", List.of(ALICE_LAPTOP, ALICE_PHONE), "bob", List.of(BOB));

        assertThat(SafetyNumber.of("alice", List.of(ALICE_PHONE, ALICE_LAPTOP, ALICE_PHONE), "bob", List.of(BOB)))
                .isEqualTo(number);
    }

    @Test
    void changesWhenAKeyChanges() {
        String number = SafetyNumber.of("alice", ALICE_LAPTOP, "bob", BOB);
        byte[] changed = BOB.clone();
        changed[31] ^= 1;

        assertThat(SafetyNumber.of("alice", ALICE_LAPTOP, "bob", changed)).isNotEqualTo(number);
        assertThat(SafetyNumber.of("alice", List.of(ALICE_LAPTOP, ALICE_PHONE), "bob", List.of(BOB)))
                .as("a device added")
                .isNotEqualTo(number);
    }

    @Test
    void changesWhenAUserIdChanges() {
        assertThat(SafetyNumber.of("alice", ALICE_LAPTOP, "bob", BOB))
                .isNotEqualTo(SafetyNumber.of("alice", ALICE_LAPTOP, "bobby", BOB));
    }

    @Test
    void rejectsMissingOrMalformedKeys() {
        assertThatThrownBy(() -> SafetyNumber.of("alice", List.of(), "bob", List.of(BOB)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SafetyNumber.of("alice", new byte[31], "bob", BOB))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] filled(int value) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) value);
        return key;
    }
}
