package dev.confab.server;

import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.accounts.AccountRoutes;
import dev.confab.server.accounts.AccountService;
import dev.confab.server.accounts.PasswordHashing;
import dev.confab.server.accounts.PasswordPolicy;
import dev.confab.server.calls.CallRelay;
import dev.confab.server.calls.InMemoryCallRelay;
import dev.confab.server.chat.ChatRoutes;
import dev.confab.server.chat.ChatService;
import dev.confab.server.contacts.BlockService;
import dev.confab.server.contacts.ContactRepository;
import dev.confab.server.contacts.ContactRoutes;
import dev.confab.server.contacts.ContactService;
import dev.confab.server.contacts.Relationships;
import dev.confab.server.devices.DeviceRepository;
import dev.confab.server.devices.DeviceRoutes;
import dev.confab.server.devices.DeviceService;
import dev.confab.server.http.Api;
import dev.confab.server.http.Authenticator;
import dev.confab.server.metrics.ObservabilityRoutes;
import dev.confab.server.presence.PresenceRoutes;
import dev.confab.server.presence.PresenceService;
import dev.confab.server.presence.PresenceTracker;
import dev.confab.server.sessions.SessionRoutes;
import dev.confab.server.sessions.SessionService;
import dev.confab.server.sessions.SignInService;
import dev.confab.server.turn.TurnCredentialService;
import dev.confab.server.turn.TurnRoutes;
import dev.confab.server.ws.Connection;
import dev.confab.server.ws.WsDispatcher;
import dev.confab.server.ws.WsEndpoint;
import io.javalin.config.RoutesConfig;
import java.util.Set;

/**
 * Builds the feature services on top of {@link Core} and registers their routes. Each feature is a few lines
 * here; the features themselves live in their packages. Built once at start-up; thread-safe afterwards.
 */
final class Features {
    private final Core core;
    private final SessionService sessions;
    private final PresenceService presence;
    private final ChatService chat;
    private final CallRelay calls;
    private final AccountService accounts;
    private final SignInService signIn;
    private final DeviceService devices;
    private final ContactService contacts;
    private final BlockService blocks;
    private final TurnCredentialService turn;
    private final PresenceTracker tracker = new PresenceTracker();
    private final Authenticator authenticator;

    Features(Core core) {
        this.core = core;
        var config = core.config();
        var db = core.db();
        var notifier = core.registry();
        var accountRepo = new AccountRepository();
        var deviceRepo = new DeviceRepository();
        var contactRepo = new ContactRepository();
        var relationships = new Relationships(db, accountRepo, contactRepo);
        var hashing = new PasswordHashing(config.argon2(), core.random());
        sessions = new SessionService(db, core.ids(), core.clock(), config.sessionTtl(), notifier);
        authenticator = new Authenticator(sessions, core.limits());
        signIn = new SignInService(db, accountRepo, deviceRepo, sessions, hashing, core.limits(), notifier, core.ids(),
                core.clock(), config.quotas().devicesPerUser());
        accounts = new AccountService(db, accountRepo, contactRepo, sessions, hashing, PasswordPolicy.standard(),
                core.limits().signInPerUsername(), notifier, core.ids(), core.clock());
        devices = new DeviceService(db, deviceRepo, accountRepo, contactRepo, relationships, sessions, notifier);
        calls = new InMemoryCallRelay(new InMemoryCallRelay.Directory() {
            @Override
            public void requireMayCall(String callerUserId, String calleeUserId) {
                relationships.requireMayInteract(callerUserId, calleeUserId);
            }

            @Override
            public Set<String> connectedDevices(String userId) {
                return core.registry().connectedDevices(userId);
            }

            @Override
            public boolean isConnected(String deviceId) {
                return core.registry().isConnected(deviceId);
            }
        }, core.timers(), config.calls().ringTimeout(), config.calls().reconnectGrace(), notifier::toDevice,
                reason -> core.metrics().callEnded(reason.wire()));
        presence = new PresenceService(db, contactRepo, deviceRepo, tracker, notifier, core.metrics(), core.clock());
        contacts = new ContactService(db, accountRepo, contactRepo, presence, calls, notifier, core.ids(), core.clock(),
                config.quotas().declineCooldown());
        blocks = new BlockService(db, accountRepo, contactRepo, contacts, presence, calls, notifier, core.clock());
        chat = new ChatService(db, deviceRepo, accountRepo, contactRepo, relationships, core.background(),
                core.timers(), config.quotas().inboxMaxItems(), core.metrics(), core.clock());
        turn = new TurnCredentialService(config.turn(), core.clock());
        core.metrics().gauge("confab_ws_connections", "Open event WebSockets", () -> core.registry().size());
        core.metrics().gauge("confab_users_online", "Users with a connected device", tracker::onlineUsers);
        core.metrics().gauge("confab_calls_active", "Calls ringing or answered", calls::activeCalls);
    }

    /** Registers every REST route. */
    void addRoutes(RoutesConfig routes, String version) {
        var config = core.config();
        var limits = core.limits();
        Api api = new Api(routes, authenticator, limits);
        ObservabilityRoutes.addTo(api, core.db(), core.metrics(), config.metricsEnabled(), version);
        AccountRoutes.addTo(api, accounts, limits.registerPerAddress(), limits.userLookupsPerUser());
        SessionRoutes.addTo(api, signIn, sessions);
        DeviceRoutes.addTo(api, devices);
        ContactRoutes.addTo(api, contacts, blocks, limits.contactRequestsPerUser());
        PresenceRoutes.addTo(api, presence);
        ChatRoutes.addTo(api, chat);
        TurnRoutes.addTo(api, turn);
    }

    /** The event WebSocket endpoint; map it with {@link WsEndpoint#addTo}. */
    WsEndpoint webSocket() {
        var config = core.config();
        var ws = config.limits().webSockets();
        WsDispatcher dispatcher = new WsDispatcher(presence, chat, calls, core.limits().wsMessagesPerSession(),
                core.metrics(), config.limits().maxWsFrameBytes());
        return new WsEndpoint(new WsEndpoint.Services(authenticator, sessions, core.registry(), dispatcher, presence,
                chat.pusher(), calls, core.metrics()), new WsEndpoint.Settings(core.clock(), config.heartbeat(),
                new Connection.Bounds(ws.outboundQueue(), ws.outboundBytes()), ws.writeTimeout(),
                ws.connectionsPerUser(), config.limits().maxWsFrameBytes() * 4, config.allowedOrigins()));
    }

    /** The hourly database chores. */
    Housekeeping housekeeping() {
        return new Housekeeping(sessions, devices, contacts, core.registry()::isConnected,
                core.config().quotas().deviceExpiry(), core.clock());
    }
}
