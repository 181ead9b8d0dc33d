package dev.confab.client.e2e;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.events.ConnectionState;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server keeps two event connections per session and closes the oldest with 4001 when a third opens (more than
 * two clients on one profile). The replaced client stops instead of reconnecting, which would only replace another
 * in turn, and it stays signed in.
 */
class SessionConnectionsTest {
    @RegisterExtension
    final Friends friends = Friends.standard();

    @Test
    void aClientReplacedByANewerConnectionOfItsSessionStopsWithoutSigningOut() {
        TestUser alice = friends.alice();
        TestUser second = onTheSameProfile(alice);
        eventually().until(() -> second.client.connection().connected());
        TestUser third = onTheSameProfile(alice);
        eventually().until(() -> third.client.connection().connected());

        eventually().until(() -> alice.client.connection().state() == ConnectionState.OFFLINE);
        assertThat(alice.client.connection().lastError()).contains("replaced");
        assertThat(alice.client.account().signedIn()).isTrue();
        assertThat(alice.events.signedOut).isEmpty();
        within(Duration.ofSeconds(10)).during(Duration.ofSeconds(3)).until(() -> alice.client.connection().state() == ConnectionState.OFFLINE
                && second.client.connection().connected() && third.client.connection().connected());
    }

    private TestUser onTheSameProfile(TestUser user) {
        TestUser again = friends.track(new TestUser(user.username, user.dir, friends.server().baseUrl()));
        again.open();
        return again.start();
    }
}
