package dev.confab.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** http.cors-allowed-origins: entries kept as browsers serialize an Origin, anything else refused with a reason. */
class AllowedOriginsTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://app.example.org       | https://app.example.org",
            "HTTPS://App.Example.ORG:443   | https://app.example.org",
            "http://127.0.0.1:80           | http://127.0.0.1",
            "http://127.0.0.1:5173         | http://127.0.0.1:5173",
            "https://app.example.org:8443  | https://app.example.org:8443",
            "http://[::1]:8080             | http://[::1]:8080"})
    void entriesAreKeptAsBrowsersSendThem(String entry, String origin) {
        AllowedOrigins origins = AllowedOrigins.parse(entry);
        assertThat(origins.origins()).containsExactly(origin);
        assertThat(origins.allows(origin)).isTrue();
    }

    @Test
    void aListMatchesOnlyExactly() {
        AllowedOrigins origins = AllowedOrigins.parse(" https://a.example.org ,, http://localhost:3000 ");
        assertThat(origins.allows("https://a.example.org")).isTrue();
        assertThat(origins.allows("http://localhost:3000")).isTrue();
        assertThat(origins.allows("http://a.example.org")).isFalse();
        assertThat(origins.allows("https://a.example.org:444")).isFalse();
        assertThat(origins.allows("https://a.example.org.evil.test")).isFalse();
        assertThat(origins.allows("null")).isFalse();
        assertThat(origins.allows(null)).isFalse();
    }

    @Test
    void blankIsNone() {
        assertThat(AllowedOrigins.parse(" ")).isEqualTo(AllowedOrigins.NONE);
        assertThat(AllowedOrigins.NONE.allows("http://127.0.0.1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "null", "app.example.org", "https://app.example.org/", "https://app.example.org/app",
            "ftp://app.example.org", "https://user@app.example.org", "https://app.example.org?x=1", "https://"})
    void anythingButAnOriginIsRefused(String entry) {
        assertThatThrownBy(() -> AllowedOrigins.parse("https://fine.example.org," + entry))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'" + entry + "'");
    }
}
