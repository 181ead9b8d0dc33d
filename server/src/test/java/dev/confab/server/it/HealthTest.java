package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.confab.testkit.PostgresServer;
import dev.confab.testkit.ServerProcess;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /health answers 503 with a JSON error once the database stops answering. */
class HealthTest {
    @TempDir
    Path dataDir;

    @Test
    void healthTurnsUnavailableWhenTheDatabaseGoesAway() {
        try (PostgresServer postgres = PostgresServer.start();
             ServerProcess server = TestServers.relaxed()
                     .postgres(postgres.createDatabase("confab_health"), PostgresServer.USER).dataDir(dataDir).build().start()) {
            Api anon = new Api(server.baseUrl(), null);
            Api.Reply ok = anon.get("/health");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.text("status")).isEqualTo("ok");
            assertThat(ok.text("database")).isEqualTo("postgresql");
            assertThat(ok.json().get("protocolVersion").asInt()).isEqualTo(1);

            postgres.close();
            Api.Reply[] last = new Api.Reply[1];
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                    .until(() -> (last[0] = anon.get("/health")).status() == 503);
            assertThat(last[0].code()).isEqualTo("unavailable");
        }
    }
}
