package dev.confab.server.turn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.config.ServerConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TurnCredentialServiceTest {
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @Test
    void credentialIsBase64HmacSha1OfTheUsername() {
        // The widely published HMAC-SHA1 example: key "key", message "The quick brown fox jumps over the lazy dog".
        assertThat(TurnCredentialService.credential("key", "The quick brown fox jumps over the lazy dog"))
                .isEqualTo("3nybhbi3iqa8ino29wqQcBydtNk=");
        // Checked with: echo -n 1700086400:u_alice | openssl dgst -sha1 -hmac north -binary | base64
        assertThat(TurnCredentialService.credential("north", "1700086400:u_alice")).isEqualTo("gOsMUuFKqBVAHL0Q6fw2h3QAKQk=");
    }

    @Test
    void turnEntriesCarryAnExpiringUsernameAndStunEntriesNone() {
        var turn = new ServerConfig.Turn("north", List.of("turn:127.0.0.1:3478?transport=udp"),
                List.of("stun:127.0.0.1:3478"), Duration.ofSeconds(86_400));
        var credentials = new TurnCredentialService(turn, CLOCK).credentialsFor("u_alice");
        assertThat(credentials.ttlSeconds()).isEqualTo(86_400);
        assertThat(credentials.iceServers()).hasSize(2);
        assertThat(credentials.iceServers().get(0).urls()).containsExactly("stun:127.0.0.1:3478");
        assertThat(credentials.iceServers().get(0).username()).isNull();
        var server = credentials.iceServers().get(1);
        assertThat(server.username()).isEqualTo("1700086400:u_alice");
        assertThat(server.credential()).isEqualTo("gOsMUuFKqBVAHL0Q6fw2h3QAKQk=");
    }

    @Test
    void withoutTurnOnlyStunOrNothingIsOffered() {
        var stunOnly = new ServerConfig.Turn("", List.of(), List.of("stun:example.org"), Duration.ofSeconds(60));
        assertThat(new TurnCredentialService(stunOnly, CLOCK).credentialsFor("u").iceServers()).hasSize(1);
        var none = new ServerConfig.Turn("", List.of(), List.of(), Duration.ofSeconds(60));
        assertThat(new TurnCredentialService(none, CLOCK).credentialsFor("u").iceServers()).isEmpty();
    }
}
