package dev.confab.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.ws.ClientMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("confab-server.properties"), content);
    }

    @Test
    void precedenceIsFlagsThenEnvironmentThenFileThenDefaults() throws IOException {
        Path file = file("server.port=1001\nserver.bind=0.0.0.0\nsession.ttl-days=7\nturn.ttl-seconds=600\n");
        ConfigLoader loader = new ConfigLoader(Map.of("CONFAB_SERVER_PORT", "1002", "CONFAB_SESSION_TTL_DAYS", "8"), "/home/x");
        Settings s = loader.load(Map.of("server.port", "1003"), Optional.of(file));
        ServerConfig c = ServerConfig.from(s);
        assertThat(c.port()).isEqualTo(1003);
        assertThat(s.origin(ConfigKey.SERVER_PORT)).isEqualTo("command line");
        assertThat(c.sessionTtl().toDays()).isEqualTo(8);
        assertThat(s.origin(ConfigKey.SESSION_TTL_DAYS)).isEqualTo("environment CONFAB_SESSION_TTL_DAYS");
        assertThat(c.bind()).isEqualTo("0.0.0.0");
        assertThat(c.turn().ttl().toSeconds()).isEqualTo(600);
        assertThat(c.heartbeat().toSeconds()).isEqualTo(20);
        assertThat(s.origin(ConfigKey.HEARTBEAT_SECONDS)).isEqualTo("default");
    }

    @Test
    void theFileInTheDataDirectoryIsReadWhenNoneIsNamed() throws IOException {
        file("calls.ring-timeout-seconds=30\n");
        Settings s = new ConfigLoader(Map.of(), "/home/x").load(Map.of("data.dir", dir.toString()), Optional.empty());
        assertThat(ServerConfig.from(s).calls().ringTimeout().toSeconds()).isEqualTo(30);
        assertThat(ServerConfig.from(s).database().url()).isEqualTo("jdbc:sqlite:" + dir.resolve("confab.db"));
    }

    @Test
    void dataDirectoryDefaultsToXdgDataHomeThenTheHomeDirectory() {
        assertThat(new ConfigLoader(Map.of("XDG_DATA_HOME", "/xdg"), "/home/x").defaultDataDir()).isEqualTo("/xdg/confab-server");
        assertThat(new ConfigLoader(Map.of(), "/home/x").defaultDataDir()).isEqualTo("/home/x/.local/share/confab-server");
    }

    @Test
    void environmentVariableNamesFollowTheKey() {
        assertThat(ConfigKey.DATABASE_URL.environmentVariable()).isEqualTo("CONFAB_DATABASE_URL");
        assertThat(ConfigKey.ARGON2_MEMORY_KIB.environmentVariable()).isEqualTo("CONFAB_SECURITY_ARGON2_MEMORY_KIB");
    }

    @Test
    void unknownKeysAreErrorsNamingTheKey() throws IOException {
        ConfigLoader loader = new ConfigLoader(Map.of("CONFAB_SOMETHING_ELSE", "ignored"), "/home/x");
        assertThatThrownBy(() -> loader.load(Map.of("server.prot", "1"), Optional.empty()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("server.prot");
                    assertThat(e.getMessage()).contains("server.prot").contains("command line");
                });
        Path file = file("nope.key=1\n");
        assertThatThrownBy(() -> loader.load(Map.of(), Optional.of(file))).isInstanceOfSatisfying(ConfigException.class,
                e -> assertThat(e.getMessage()).contains("nope.key").contains(file.toString()));
    }

    @Test
    void badValuesAreErrorsNamingKeyValueAndOrigin() {
        ConfigLoader loader = new ConfigLoader(Map.of("CONFAB_WS_HEARTBEAT_SECONDS", "soon"), "/home/x");
        assertThatThrownBy(() -> ServerConfig.from(loader.load(Map.of(), Optional.empty())))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("ws.heartbeat-seconds");
                    assertThat(e.getMessage()).contains("'soon'").contains("CONFAB_WS_HEARTBEAT_SECONDS");
                });
        for (var bad : Map.of("server.port", "70000", "limits.sign-in-per-username", "lots", "log.format", "xml",
                "metrics.enabled", "maybe", "database.url", "jdbc:mysql://x", "turn.urls", "http://x",
                "http.cors-allowed-origins", "https://app.example.org/").entrySet()) {
            assertThatThrownBy(() -> ServerConfig.from(new ConfigLoader(Map.of(), "/h").load(Map.of(bad.getKey(), bad.getValue()),
                    Optional.empty()))).as(bad.getKey()).isInstanceOfSatisfying(ConfigException.class,
                    e -> assertThat(e.key()).isEqualTo(bad.getKey()));
        }
    }

    @Test
    void theDefaultsAddUp() {
        ServerConfig c = ServerConfig.from(new ConfigLoader(Map.of(), "/h").load(Map.of(), Optional.empty()));
        assertThat(c.limits().maxBodyBytes()).as("the largest valid message fits a body")
                .isGreaterThanOrEqualTo(SendMessageRequest.MAX_ENCODED_BYTES);
        assertThat(c.limits().maxWsFrameBytes()).as("a call message with the largest SDP fits a frame")
                .isGreaterThan(ClientMessage.MAX_SDP + ClientMessage.MAX_SIGNATURE + 1024);
        assertThat(2 * c.quotas().devicesPerUser() - 1).as("a message to every device of a user with the most devices")
                .isLessThanOrEqualTo(SendMessageRequest.MAX_ENVELOPES);
    }

    @Test
    void aBodyLimitTooSmallForTheDeviceLimitIsRefused() {
        Map<String, String> flags = Map.of("limits.devices-per-user", "16", "limits.max-body-bytes", "524288");
        assertThatThrownBy(() -> ServerConfig.from(new ConfigLoader(Map.of(), "/h").load(flags, Optional.empty())))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.key()).isEqualTo("limits.max-body-bytes");
                    assertThat(e.getMessage()).contains("limits.devices-per-user");
                });
        assertThatThrownBy(() -> ServerConfig.from(new ConfigLoader(Map.of(), "/h")
                .load(Map.of("limits.devices-per-user", "17"), Optional.empty())))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.key()).isEqualTo("limits.devices-per-user"));
    }

    @Test
    void secretsNeverPrint() {
        Settings s = new ConfigLoader(Map.of(), "/h").load(Map.of("turn.secret", "hunter2hunter2", "database.password", "pw"),
                Optional.empty());
        assertThat(s.describe()).doesNotContain("hunter2").doesNotContain("=pw").contains("turn.secret=<set>");
    }
}
