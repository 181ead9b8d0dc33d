package dev.confab.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line, run in-process: exit statuses and messages for good and bad configuration. */
class ServerMainTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ServerMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void anUnknownKeyIsAConfigurationErrorNamingIt() {
        assertThat(run("--set", "server.prot=1", "--print-config")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown configuration key 'server.prot'");
    }

    @Test
    void aBadValueIsAConfigurationErrorNamingTheKey() {
        assertThat(run("--port", "99999", "--print-config")).isEqualTo(2);
        assertThat(err.toString()).contains("server.port").contains("99999");
        assertThat(run("--set", "limits.requests-per-session=fast", "--print-config")).isEqualTo(2);
        assertThat(err.toString()).contains("limits.requests-per-session");
    }

    @Test
    void aMissingConfigFileIsAConfigurationError() {
        assertThat(run("--config", "/nonexistent/confab.properties", "--print-config")).isEqualTo(2);
        assertThat(err.toString()).contains("/nonexistent/confab.properties");
    }

    @Test
    void anUnreadableTlsKeystoreIsAConfigurationErrorWithoutAStackTrace(@TempDir Path dataDir) {
        assertThat(run("--data-dir", dataDir.toString(), "--port", "0", "--set", "tls.keystore=/nonexistent/server.p12"))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("confab-server: Cannot use TLS: /nonexistent/server.p12 (tls.keystore) does"
                + " not exist" + System.lineSeparator());
    }

    @Test
    void printConfigShowsEffectiveValuesWithoutSecrets() {
        assertThat(run("--print-config", "--port", "9999", "--set", "turn.secret=hunter2hunter2",
                "--set", "security.argon2.memory-kib=256", "--data-dir", "/tmp/confab-x")).isZero();
        assertThat(out.toString()).contains("server.port=9999  # command line").contains("turn.secret=<set>")
                .contains("security.argon2.memory-kib=256").contains("data.dir=/tmp/confab-x")
                .doesNotContain("hunter2");
        assertThat(run("--print-config", "--set", "tls.keystore=/k.p12", "--set", "tls.keystore-password=hunter3")).isZero();
        assertThat(out.toString()).contains("tls.keystore=/k.p12").contains("tls.keystore-password=<set>")
                .doesNotContain("hunter3");
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("confab-server").contains("--data-dir").contains("--set");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).contains("confab-server ");
        assertThat(run("--no-such-flag")).isEqualTo(2);
    }
}
