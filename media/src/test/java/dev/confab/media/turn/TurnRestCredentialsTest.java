package dev.confab.media.turn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** coturn's shared-secret scheme; that coturn accepts these is tested in {@link TurnAllocationTest}. */
class TurnRestCredentialsTest {

    @Test
    void usernameIsExpiryColonUserAndPasswordTheBase64HmacSha1OfIt() {
        TurnCredentials credentials = TurnRestCredentials.issue("confab-coturn-test-secret", "alice",
                Instant.ofEpochSecond(1_795_706_728L));

        assertThat(credentials.username()).isEqualTo("1795706728:alice");
        // printf '%s' 1795706728:alice | openssl dgst -sha1 -hmac confab-coturn-test-secret -binary | base64
        assertThat(credentials.password()).isEqualTo("lGukFFEwyJOnDWOy7mGDXUhyFB8=");
        assertThat(credentials.toString()).doesNotContain(credentials.password());
    }

    @Test
    void aColonInTheUserIdWouldChangeTheExpiryAndIsRefused() {
        assertThatThrownBy(() -> TurnRestCredentials.issue("secret", "a:b", Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
