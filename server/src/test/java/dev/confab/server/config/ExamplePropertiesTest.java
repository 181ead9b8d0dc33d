package dev.confab.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** confab-server.example.properties documents every key with its default, and uncommented it loads cleanly. */
class ExamplePropertiesTest {
    @TempDir
    Path dir;

    private static String example() throws IOException {
        try (InputStream in = ExamplePropertiesTest.class.getResourceAsStream("/confab-server.example.properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyKeyIsDocumentedWithItsDefault() throws IOException {
        Map<String, String> documented = new LinkedHashMap<>();
        for (String line : example().split("\n")) {
            if (line.matches("#[a-z0-9.-]+=.*")) {
                documented.put(line.substring(1, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        Map<String, String> expected = new LinkedHashMap<>();
        Arrays.stream(ConfigKey.values()).forEach(k -> expected.put(k.key(), k.defaultValue()));
        assertThat(documented).containsExactlyEntriesOf(expected);
    }

    @Test
    void theUncommentedExampleLoads() throws IOException {
        Path file = Files.writeString(dir.resolve("example.properties"), example().replaceAll("(?m)^#([a-z0-9.-]+=)", "$1"));
        ServerConfig config = ServerConfig.from(new ConfigLoader(Map.of(), dir.toString()).load(Map.of(), Optional.of(file)));
        assertThat(config.port()).isEqualTo(8470);
        assertThat(config.dataDir()).isEqualTo(Path.of(dir.toString(), ".local", "share", "confab-server"));
    }
}
