package dev.confab.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.testkit.ServerProcess;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sign-ins are limited per client address as well as per username: one address trying many usernames is stopped,
 * even for a username with attempts left and the right password.
 */
class AddressLimitTest {
    @Test
    void oneAddressTryingManyUsernamesIsLimited() {
        try (ServerProcess server = TestServers.relaxed()
                .set("limits.sign-in-per-address", "4/1h")
                .set("limits.sign-in-per-username", "100/1h")
                .build().start()) {
            TestUser alice = TestUser.register(server, "al"); // its sign-in is the first of the address's four
            Api anon = new Api(server.baseUrl(), null);
            for (int i = 0; i < 3; i++) {
                Api.Reply guess = anon.post("/api/v1/sessions", Map.of("username", "someone-" + i, "password",
                        "a guessed password", "deviceName", "x"));
                assertThat(guess.code()).isEqualTo("wrong_password");
            }
            Api.Reply limited = anon.post("/api/v1/sessions", Map.of("username", alice.username, "password",
                    TestUser.PASSWORD, "deviceName", "x"));
            assertThat(limited.status()).as("%s", limited).isEqualTo(429);
            assertThat(limited.code()).isEqualTo("rate_limited");
            assertThat(limited.headers().get("retry-after")).isNotEmpty();
            assertThat(new Api(server.baseUrl(), null).get("/metrics").body())
                    .contains("confab_rate_limit_rejections_total{limit=\"sign_in_per_address\"}");
        }
    }
}
