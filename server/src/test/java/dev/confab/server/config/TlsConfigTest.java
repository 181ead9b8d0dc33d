package dev.confab.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The tls.* keys: plain HTTP by default, a keystore or a PEM pair, never both, never half a pair. */
class TlsConfigTest {
    private static ServerConfig load(Map<String, String> flags) {
        return ServerConfig.from(new ConfigLoader(Map.of(), "/h").load(flags, Optional.empty()));
    }

    @Test
    void plainHttpByDefault() {
        assertThat(load(Map.of()).tls()).isEmpty();
    }

    @Test
    void aKeystoreOrAPemPair() {
        ServerConfig keystore = load(Map.of("tls.keystore", "/etc/confab/server.p12", "tls.keystore-password", "pw"));
        assertThat(keystore.tls().orElseThrow().files()).isEqualTo(new TlsFiles.Keystore(Path.of("/etc/confab/server.p12"), "pw"));
        assertThat(keystore.tls().orElseThrow().files().toString()).doesNotContain("pw");
        ServerConfig pem = load(Map.of("tls.certificate", "/le/fullchain.pem", "tls.private-key", "/le/privkey.pem",
                "tls.reload-check-seconds", "5"));
        assertThat(pem.tls().orElseThrow()).isEqualTo(new ServerConfig.Tls(
                new TlsFiles.Pem(Path.of("/le/fullchain.pem"), Path.of("/le/privkey.pem")), Duration.ofSeconds(5)));
    }

    @Test
    void bothAKeystoreAndAPemPairIsAnError() {
        assertThatThrownBy(() -> load(Map.of("tls.keystore", "/k.p12", "tls.certificate", "/c.pem", "tls.private-key", "/k.pem")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Both tls.keystore and tls.certificate/tls.private-key are set (from command line and command"
                        + " line): give either a PKCS#12 keystore or a PEM certificate and key, not both");
    }

    @Test
    void halfAPemPairIsAnError() {
        assertThatThrownBy(() -> load(Map.of("tls.certificate", "/c.pem")))
                .hasMessage("tls.certificate and tls.private-key go together, but only tls.certificate is set (from"
                        + " command line)");
        assertThatThrownBy(() -> load(Map.of("tls.private-key", "/k.pem")))
                .hasMessage("tls.certificate and tls.private-key go together, but only tls.private-key is set (from"
                        + " command line)");
    }

    @Test
    void aKeystorePasswordWithoutAKeystoreIsAnErrorThatHidesIt() {
        assertThatThrownBy(() -> load(Map.of("tls.keystore-password", "hunter2")))
                .hasMessage("Invalid value <secret> for tls.keystore-password (from command line): it is only used with"
                        + " tls.keystore, which is not set");
    }
}
