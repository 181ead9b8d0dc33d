package dev.confab.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialRulesTest {
    private static final PasswordPolicy POLICY = PasswordPolicy.standard();

    @ParameterizedTest
    @CsvSource({"alice, alice", "Alice, alice", "'  bob.smith ', bob.smith", "a_1-2.3, a_1-2.3",
        "abcdefghijabcdefghijabcdefghij12, abcdefghijabcdefghijabcdefghij12"})
    void validUsernamesAreNormalized(String input, String stored) {
        assertThat(UsernameRules.check(input)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "1alice", "_alice", "al ice", "alice!", "élise", "abcdefghijabcdefghijabcdefghij123", ""})
    void invalidUsernamesAreRefused(String input) {
        assertThatThrownBy(() -> UsernameRules.check(input)).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_USERNAME));
    }

    @ParameterizedTest
    @CsvSource({"short, too_short", "aaaaaaaaaaaa, repeated", "my-alice-password, contains_username",
        "MY-ALICE-PASSWORD, contains_username", "password123, common", "QwErTyUiOp, common", "1234567890, common"})
    void weakPasswordsAreRefusedWithTheReason(String password, String reason) {
        assertThatThrownBy(() -> POLICY.check(password, "alice")).isInstanceOfSatisfying(ProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.WEAK_PASSWORD);
            assertThat(e.details()).containsEntry("reason", reason);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"correct horse battery staple", "Tr0ub4dor&3xyz", "ünïcödé-pässwörd"})
    void reasonablePasswordsPass(String password) {
        POLICY.check(password, "alice");
    }

    @Test
    void lengthIsCountedInCharactersUpTo256() {
        POLICY.check("x".repeat(255) + "y", "alice");
        assertThatThrownBy(() -> POLICY.check("x".repeat(256) + "y", "alice")).isInstanceOfSatisfying(ProtocolException.class,
                e -> assertThat(e.details()).containsEntry("reason", "too_long"));
    }
}
