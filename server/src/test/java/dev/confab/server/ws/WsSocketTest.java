package dev.confab.server.ws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.protocol.ws.ClientMessage;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.accounts.UserRecord;
import dev.confab.server.calls.CallRelay;
import dev.confab.server.chat.ChatService;
import dev.confab.server.config.AllowedOrigins;
import dev.confab.server.config.ServerConfig;
import dev.confab.server.contacts.ContactRepository;
import dev.confab.server.contacts.Relationships;
import dev.confab.server.devices.DeviceRepository;
import dev.confab.server.metrics.ServerMetrics;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.presence.PresenceTracker;
import dev.confab.server.sessions.Principal;
import dev.confab.server.sessions.SessionService;
import dev.confab.server.storage.Database;
import dev.confab.server.storage.DatabaseFactory;
import dev.confab.server.support.ExecutorTimers;
import dev.confab.server.support.IdGenerator;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A socket's open and close on a real (SQLite) database: a close undoes exactly what its open did, so a connection
 * that never counted for presence (its session was revoked before it opened) cannot take a device offline that
 * another connection keeps online.
 */
class WsSocketTest {
    @TempDir
    Path dir;
    private Database db;
    private ExecutorTimers timers;
    private final PresenceTracker tracker = new PresenceTracker();
    private final ConnectionRegistry registry = new ConnectionRegistry(2, 16);
    private final List<String> offline = new ArrayList<>();
    private WsEndpoint.Services services;
    private WsEndpoint.Settings settings;
    private Principal active;

    @BeforeEach
    void open() {
        db = DatabaseFactory.open(new ServerConfig.Database("jdbc:sqlite:" + dir.resolve("t.db"), "", "", 2,
                Duration.ofSeconds(30)));
        timers = new ExecutorTimers();
        Clock clock = Clock.systemUTC();
        IdGenerator ids = new IdGenerator(new SecureRandom());
        SessionService sessions = new SessionService(db, ids, clock, Duration.ofDays(1), registry);
        active = db.write(c -> {
            new AccountRepository().insert(c, new UserRecord("u_1", "ursula", "Ursula", "hash", 1));
            new DeviceRepository().insert(c, "d_1", "u_1", "laptop", 1);
            return new Principal("u_1", "d_1", sessions.create(c, "u_1", "d_1", new ArrayList<>()).sessionId());
        });
        ContactRepository contacts = new ContactRepository();
        ServerMetrics metrics = new ServerMetrics();
        PresenceService presence = new PresenceService(db, contacts, new DeviceRepository(), tracker, registry, metrics,
                clock);
        ChatService chat = new ChatService(db, new DeviceRepository(), new AccountRepository(), contacts,
                new Relationships(db, new AccountRepository(), contacts), Runnable::run, timers, 100, metrics, clock);
        services = new WsEndpoint.Services(null, sessions, registry, null, presence, chat.pusher(), new Calls(), metrics);
        settings = new WsEndpoint.Settings(clock, Duration.ofSeconds(20), new Connection.Bounds(64, 1 << 20),
                Duration.ofSeconds(30), 16, 1 << 20, AllowedOrigins.NONE);
    }

    @AfterEach
    void close() {
        timers.close();
        db.close();
    }

    @Test
    void aConnectionWhoseSessionWasRevokedBeforeItOpenedDoesNotUncountAnother() {
        WsSocket kept = new WsSocket(services, settings, active);
        kept.onWebSocketOpen(session());
        assertThat(tracker.isOnline("u_1")).isTrue();

        WsSocket revoked = new WsSocket(services, settings, new Principal("u_1", "d_1", "s_revoked"));
        revoked.onWebSocketOpen(session());
        revoked.onWebSocketClose(1008, "session revoked");
        assertThat(tracker.isOnline("u_1")).as("the revoked connection never counted").isTrue();
        assertThat(offline).as("the device still has a connection").isEmpty();

        kept.onWebSocketClose(1000, "bye");
        assertThat(tracker.isOnline("u_1")).isFalse();
        assertThat(offline).containsExactly("d_1");
    }

    @Test
    void aSecondCloseChangesNothing() {
        WsSocket first = new WsSocket(services, settings, active);
        WsSocket second = new WsSocket(services, settings, active);
        first.onWebSocketOpen(session());
        second.onWebSocketOpen(session());
        first.onWebSocketClose(1000, "bye");
        first.onWebSocketError(new IllegalStateException("late error"));
        assertThat(tracker.isOnline("u_1")).isTrue();
        second.onWebSocketClose(1000, "bye");
        assertThat(tracker.isOnline("u_1")).isFalse();
    }

    @Test
    void theWelcomeLeavesOnlyOnceTheConnectionReceivesEvents() {
        List<Boolean> registeredWhenWritten = new ArrayList<>();
        WsSocket socket = new WsSocket(services, settings, active);
        socket.onWebSocketOpen(session(frame -> {
            if (frame.contains("\"welcome\"")) {
                registeredWhenWritten.add(registry.isConnected("d_1"));
            }
        }));
        // The client re-reads its contacts on the welcome; a change pushed before the registry knew it would be lost.
        assertThat(registeredWhenWritten).containsExactly(true);
    }

    private static Session session() {
        return session(frame -> { });
    }

    private static Session session(Consumer<String> onWrite) {
        boolean[] open = {true};
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "sendText" -> {
                        onWrite.accept((String) args[0]);
                        ((Callback) args[1]).succeed();
                        yield null;
                    }
                    case "close", "disconnect" -> {
                        open[0] = false;
                        yield null;
                    }
                    case "isOpen" -> open[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    /** Records which devices went offline for calls. */
    private final class Calls implements CallRelay {
        @Override
        public void handle(Principal from, ClientMessage message, Runnable ack) {}

        @Override
        public void endBetween(String actorUserId, String otherUserId) {}

        @Override
        public void deviceOnline(String deviceId) {}

        @Override
        public void deviceOffline(String deviceId) {
            offline.add(deviceId);
        }

        @Override
        public int activeCalls() {
            return 0;
        }
    }
}
