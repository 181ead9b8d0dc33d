package dev.confab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.sessions.Principal;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.Test;

/** The outbound queue against a scripted Jetty session: order, one write at a time, its bounds and stalls. */
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
    private long nanos = 1_000;

    private Connection connection(int maxFrames) {
        return connection(maxFrames, Long.MAX_VALUE);
    }

    private Connection connection(int maxFrames, long maxBytes) {
        return new Connection(new Principal("u", "d", "s"), session(), new Connection.Bounds(maxFrames, maxBytes),
                overflows::incrementAndGet, () -> nanos);
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
    void aHeldConnectionWritesNothingUntilReleasedThenAllInOrder() {
        completeAtOnce = true;
        Connection c = connection(100);
        c.hold();
        c.sendText("welcome");
        c.sendText("event");
        assertThat(written).isEmpty();
        c.release();
        assertThat(written).containsExactly("welcome", "event");
    }

    @Test
    void closingAHeldConnectionWritesWhatQueuedThenCloses() {
        completeAtOnce = true;
        Connection c = connection(100);
        c.hold();
        c.sendText("welcome");
        c.close(Connection.CLOSE_TRY_AGAIN_LATER, "too many");
        assertThat(written).containsExactly("welcome");
        assertThat(closes).hasValue(1);
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
    void aClientPastTheByteBoundIsDisconnectedEvenWithFewFrames() {
        Connection c = connection(1_000, 10_000);
        c.sendText("x".repeat(4_000)); // in flight, still counted until written
        c.sendText("y".repeat(4_000));
        assertThat(disconnected).isFalse();
        c.sendText("z".repeat(4_000));
        assertThat(disconnected).isTrue();
        assertThat(overflows).hasValue(1);
        assertThat(written).hasSize(1);
    }

    @Test
    void writtenFramesFreeTheirBytes() {
        Connection c = connection(1_000, 10_000);
        for (int i = 0; i < 10; i++) {
            c.sendText("x".repeat(4_000));
            pending.removeFirst().succeed();
        }
        assertThat(disconnected).isFalse();
        assertThat(written).hasSize(10);
    }

    @Test
    void aWriteTheClientDoesNotTakeShowsAsStalled() {
        Connection c = connection(100);
        assertThat(c.stalledNanos()).isZero();
        c.sendText("a");
        nanos += 5_000_000_000L;
        assertThat(c.stalledNanos()).isEqualTo(5_000_000_000L);
        c.heard();
        assertThat(c.silentNanos()).as("pings keep it looking alive").isZero();
        pending.removeFirst().succeed();
        assertThat(c.stalledNanos()).isZero();
    }

    @Test
    void closeAfterSendsTheLastMessageThenCloses() {
        completeAtOnce = true;
        Connection c = connection(16);
        c.closeAfter(new ServerMessage.SessionRevoked("s"), Connection.CLOSE_REVOKED, "revoked");
        c.sendText("after close");
        assertThat(written).singleElement().asString().contains("session.revoked");
        assertThat(closes).hasValue(1);
    }
}
