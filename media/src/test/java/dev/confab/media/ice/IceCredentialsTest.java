package dev.confab.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IceCredentialsTest {

    @Test
    void generatedCredentialsHaveTheLengthsAndCharactersOfSection5_3() {
        IceCredentials credentials = IceCredentials.generate(new SplittableRandom(7));

        assertThat(credentials.ufrag()).hasSize(IceCredentials.UFRAG_LENGTH).matches("[A-Za-z0-9+/]+");
        assertThat(credentials.pwd()).hasSize(IceCredentials.PWD_LENGTH).matches("[A-Za-z0-9+/]+");
        assertThat(IceCredentials.generate(new SplittableRandom(8))).isNotEqualTo(credentials);
    }

    @Test
    void usernamesPutTheReceiversFragmentFirst() {
        IceCredentials own = new IceCredentials("ownU", "0123456789012345678901");
        IceCredentials peer = new IceCredentials("peerU", "abcdefghijklmnopqrstuv");

        assertThat(own.outgoingUsername(peer)).isEqualTo("peerU:ownU");
        assertThat(peer.incomingUsername(own)).isEqualTo("peerU:ownU");
    }

    @Test
    void shortOrOddCredentialsAreRefusedAndThePasswordNeverPrinted() {
        assertThatThrownBy(() -> new IceCredentials("abc", "0123456789012345678901"))
                .hasMessageContaining("ufrag");
        assertThatThrownBy(() -> new IceCredentials("abcd", "short")).hasMessageContaining("pwd");
        assertThatThrownBy(() -> new IceCredentials("ab:d", "0123456789012345678901"))
                .hasMessageContaining("ufrag");
        assertThat(new IceCredentials("abcd", "0123456789012345678901").toString()).doesNotContain("0123");
    }
}
