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
import dev.confab.server.ws.WsDispatcher;
import dev.confab.server.ws.WsEndpoint;
import io.javalin.config.RoutesConfig;
import java.util.Set;

/**
 * Builds the feature services on top of {@link Core} and registers their routes. Each feature is a few lines
 * here; the features themselves live in their packages. Built once at start-up.
 */
final class Features {
    final SessionService sessions;
    private final PresenceService presence;
    private final ChatService chat;
    private final CallRelay calls;
    private final Core core;
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
                core.clock());
        accounts = new AccountService(db, accountRepo, contactRepo, sessions, hashing, PasswordPolicy.standard(), notifier,
                core.ids(), core.clock());
        devices = new DeviceService(db, deviceRepo, accountRepo, contactRepo, relationships, sessions, notifier);
        presence = new PresenceService(db, contactRepo, deviceRepo, tracker, notifier, core.metrics(), core.clock());
        contacts = new ContactService(db, accountRepo, contactRepo, presence, notifier, core.ids(), core.clock());
        blocks = new BlockService(db, accountRepo, contactRepo, contacts, presence, core.clock());
        chat = new ChatService(db, deviceRepo, accountRepo, contactRepo, relationships, core.background(),
                core.metrics(), core.clock());
        calls = new InMemoryCallRelay(new InMemoryCallRelay.Directory() {
            @Override
            public void requireMayCall(String callerUserId, String calleeUserId) {
                relationships.requireMayInteract(callerUserId, calleeUserId);
            }

            @Override
            public Set<String> connectedDevices(String userId) {
                return core.registry().connectedDevices(userId);
            }
        }, core.timers(), config.calls().ringTimeout(), config.calls().reconnectGrace(), notifier::toDevice,
                reason -> core.metrics().callEnded(reason.wire()));
        turn = new TurnCredentialService(config.turn(), core.clock());
        core.metrics().gauge("confab_ws_connections", "Open event WebSockets", () -> core.registry().size());
        core.metrics().gauge("confab_users_online", "Users with a connected device", tracker::onlineUsers);
        core.metrics().gauge("confab_calls_active", "Calls ringing or answered", calls::activeCalls);
    }

    /** Registers every REST route. */
    void addRoutes(RoutesConfig routes, String version) {
        var config = core.config();
        Api api = new Api(routes, authenticator, core.limits());
        ObservabilityRoutes.addTo(api, core.db(), core.metrics(), config.metricsEnabled(), version);
        AccountRoutes.addTo(api, accounts, core.limits().registerPerAddress());
        SessionRoutes.addTo(api, signIn, sessions);
        DeviceRoutes.addTo(api, devices);
        ContactRoutes.addTo(api, contacts, blocks);
        PresenceRoutes.addTo(api, presence);
        ChatRoutes.addTo(api, chat);
        TurnRoutes.addTo(api, turn);
    }

    /** The event WebSocket endpoint; map it with {@link WsEndpoint#addTo}. */
    WsEndpoint webSocket(int hardFrameLimit) {
        var config = core.config();
        WsDispatcher dispatcher = new WsDispatcher(presence, chat, calls, core.limits().wsMessagesPerConnection(),
                core.metrics(), config.limits().maxWsFrameBytes());
        return new WsEndpoint(new WsEndpoint.Services(authenticator, sessions, core.registry(), dispatcher, presence,
                chat.pusher(), calls, core.metrics()), new WsEndpoint.Settings(core.clock(), config.heartbeat(),
                config.limits().wsOutboundQueue(), hardFrameLimit));
    }
}
