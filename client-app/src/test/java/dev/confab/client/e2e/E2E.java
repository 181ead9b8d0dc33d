package dev.confab.client.e2e;

import static org.awaitility.Awaitility.await;

import dev.confab.client.core.presence.Presence;
import java.time.Duration;
import org.awaitility.core.ConditionFactory;

/** Shared waiting rules of the end-to-end tests: poll often, and fail with what was expected. */
public final class E2E {
    private E2E() {}

    public static ConditionFactory within(Duration limit) {
        return await().atMost(limit).pollInterval(Duration.ofMillis(20)).pollDelay(Duration.ZERO);
    }

    public static ConditionFactory eventually() {
        return within(Duration.ofSeconds(15));
    }

    /** Makes {@code a} and {@code b} contacts through a request and its acceptance, and waits until both see it. */
    public static void befriend(TestUser a, TestUser b) {
        a.client.contacts().add(b.username, "hello from " + a.username);
        eventually().until(() -> b.client.contacts().requests().incoming().stream()
                .anyMatch(r -> r.from().username().equals(a.username)));
        b.client.contacts().accept(a.username);
        eventually().until(() -> a.client.contacts().byId(b.userId()).isPresent());
        eventually().until(() -> a.presenceOf(b) == Presence.ONLINE && b.presenceOf(a) == Presence.ONLINE);
    }
}
