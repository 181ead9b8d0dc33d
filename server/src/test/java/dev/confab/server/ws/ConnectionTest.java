package dev.confab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.server.sessions.Principal;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** The outbound queue against a scripted Jetty session: order, one write at a time, and the bound. */
class ConnectionTest {
    private final List<String> written = new ArrayList<>();
    private final List<Callback> pending = new ArrayList<>();
    private final AtomicBoolean disconnected = new AtomicBoolean();
    private final AtomicInteger closes = new AtomicInteger();
    private boolean completeAtOnce;

    private Session session() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        written.add((String) args[0]);
                        if (completeAtOnce) {
                            ((Callback) args[1]).succeed();
                        } else {
                            pending.add((Callback) args[1]);
                        }
                        yield null;
                    }
                    case "disconnect" -> {
                        disconnected.set(true);
                        yield null;
                    }
                    case "close" -> {
                        closes.incrementAndGet();
                        yield null;
                    }
                    case "isOpen" -> !disconnected.get();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    private final AtomicInteger overflows = new AtomicInteger();

    private Connection connection(int max) {
        return new Connection(new Principal("u", "d", "s"), session(), max, overflows::incrementAndGet);
    }

    @Test
    void writesOneFrameAtATimeInOrder() {
        Connection c = connection(100);
        c.sendText("a");
        c.sendText("b");
        c.sendText("c");
        assertThat(written).containsExactly("a");
        pending.removeFirst().succeed();
        assertThat(written).containsExactly("a", "b");
        pending.removeFirst().succeed();
        pending.removeFirst().succeed();
        assertThat(written).containsExactly("a", "b", "c");
        assertThat(pending).isEmpty();
    }

    @Test
    void synchronousCompletionsDoNotRecurse() {
        completeAtOnce = true;
        Connection c = connection(1_000_000);
        for (int i = 0; i < 200_000; i++) {
            c.sendText(Integer.toString(i));
        }
        assertThat(written).hasSize(200_000).endsWith("199999");
    }

    @Test
    void aClientThatDoesNotDrainIsDisconnected() {
        Connection c = connection(16);
        for (int i = 0; i < 17; i++) {
            c.sendText("frame " + i);
        }
        assertThat(disconnected).isFalse();
        c.sendText("one too many");
        assertThat(disconnected).isTrue();
        assertThat(overflows).hasValue(1);
        assertThat(c.isClosing()).isTrue();
        c.sendText("dropped");
        assertThat(written).containsExactly("frame 0");
    }

    @Test
    void closeAfterSendsTheLastMessageThenCloses() {
        completeAtOnce = true;
        Connection c = connection(16);
        c.closeAfter(new dev.confab.protocol.ws.ServerMessage.SessionRevoked("s"), Connection.CLOSE_REVOKED, "revoked");
        c.sendText("after close");
        assertThat(written).singleElement().asString().contains("session.revoked");
        assertThat(closes).hasValue(1);
    }
}
