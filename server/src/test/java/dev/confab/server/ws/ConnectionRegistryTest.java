package dev.confab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.sessions.Principal;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** The connection limits: a newer connection of a session replaces its oldest; an account's are capped. */
class ConnectionRegistryTest {
    private final ConnectionRegistry registry = new ConnectionRegistry(2, 3);

    private static Connection connection(String user, String device, String session) {
        Session open = (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "isOpen" -> true;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
        return new Connection(new Principal(user, device, session), open, new Connection.Bounds(16, 1 << 20), () -> {},
                System::nanoTime);
    }

    @Test
    void aThirdConnectionOfASessionReplacesTheOldest() {
        Connection first = connection("u", "d", "s");
        Connection second = connection("u", "d", "s");
        Connection third = connection("u", "d", "s");
        assertThat(registry.add(first)).isEqualTo(new ConnectionRegistry.Admission(true, true, List.of()));
        assertThat(registry.add(second).replaced()).isEmpty();
        ConnectionRegistry.Admission admission = registry.add(third);
        assertThat(admission.admitted()).isTrue();
        assertThat(admission.replaced()).containsExactly(first);
        assertThat(registry.openConnections("u")).as("the replaced one stops counting at once").isEqualTo(2);
    }

    @Test
    void anAccountPastItsLimitIsRefusedUntilOneCloses() {
        Connection a = connection("u", "d1", "s1");
        registry.add(a);
        registry.add(connection("u", "d2", "s2"));
        registry.add(connection("u", "d3", "s3"));
        Connection fourth = connection("u", "d4", "s4");
        assertThat(registry.admits(fourth.principal())).isFalse();
        assertThat(registry.add(fourth).admitted()).isFalse();
        assertThat(registry.size()).isEqualTo(3);
        assertThat(registry.add(connection("other", "o", "so")).admitted()).as("other accounts are not affected").isTrue();
        registry.remove(a);
        assertThat(registry.add(fourth).admitted()).isTrue();
    }

    @Test
    void aReplacingConnectionIsAdmittedAtTheAccountLimit() {
        registry.add(connection("u", "d1", "s1"));
        registry.add(connection("u", "d1", "s1"));
        registry.add(connection("u", "d2", "s2"));
        Connection replacing = connection("u", "d1", "s1");
        assertThat(registry.admits(replacing.principal())).isTrue();
        assertThat(registry.add(replacing).admitted()).isTrue();
    }

    @Test
    void awaitEmptyReturnsOnceTheLastConnectionIsRemoved() throws Exception {
        Connection c = connection("u", "d", "s");
        registry.add(c);
        assertThat(registry.awaitEmpty(Duration.ofMillis(50))).isFalse();
        Thread.ofVirtual().start(() -> registry.remove(c));
        assertThat(registry.awaitEmpty(Duration.ofSeconds(10))).isTrue();
    }
}
