package dev.confab.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PostgresServerTest {

    @Test
    void startsAnsweringSqlAndLeavesNothingBehind() {
        Path dataDirectory;
        try (PostgresServer postgres = PostgresServer.start()) {
            String url = postgres.createDatabase("kit");
            assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/kit_");
            postgres.query(url, "CREATE TABLE t (v INTEGER)");
            postgres.query(url, "INSERT INTO t VALUES (41), (1)");
            assertThat(postgres.query(url, "SELECT sum(v) FROM t")).isEqualTo("42");
            dataDirectory = Path.of(postgres.query(url, "SHOW data_directory"));
            assertThat(dataDirectory).exists();
        }
        assertThat(Files.exists(dataDirectory)).isFalse();
    }
}
