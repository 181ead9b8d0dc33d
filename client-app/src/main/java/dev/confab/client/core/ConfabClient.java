package dev.confab.client.core;

import dev.confab.client.core.account.AccountListener;
import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.calls.CallLog;
import dev.confab.client.core.calls.CallManager;
import dev.confab.client.core.calls.CallObserver;
import dev.confab.client.core.calls.CallSignaling;
import dev.confab.client.core.chat.ChatService;
import dev.confab.client.core.contacts.ContactsService;
import dev.confab.client.core.events.Backoff;
import dev.confab.client.core.events.ConnectionListener;
import dev.confab.client.core.events.ConnectionStatus;
import dev.confab.client.core.events.EventStream;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.presence.PresenceService;
import dev.confab.client.core.store.LocalStore;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Confab client for one profile: the entry point a UI or the CLI builds on.
 *
 * <p><b>Use.</b> {@link #open} a client on a profile, sign in through {@link #account()}, then either
 * {@link #start()} it (live: the event connection stays up, reconnecting by itself; presence, messages, receipts
 * and calls arrive as events; the outbox is sent as soon as the server can be reached) or call {@link #sync()} for
 * a one-shot exchange over REST. {@link #close()} when done.
 *
 * <p><b>Features.</b> {@link #account()}, {@link #contacts()} (with presence), {@link #chat()}, {@link #keys()}
 * (pinning and trust), {@link #presence()} (this device's choice), {@link #calls()} (calls and their signaling), and
 * {@link #connection()} (the event connection's state).
 *
 * <p><b>Threads.</b> Listeners of every feature run on one event thread owned by the client, in the order things
 * happened; they must not block. Network work of the live client (re-reading state after a reconnect, opening
 * and storing inbox items, sending the outbox) runs on one background sync thread, in order. Methods of the
 * feature services may be called from any thread except the event thread; those that talk to the server block.
 * Snapshots returned by services are immutable.
 */
public final class ConfabClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConfabClient.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ClientConfig config;
    private final LocalStore store;
    private final OkHttpClient http;
    private final ConfabApi api;
    private final ScheduledExecutorService eventThread;
    private final ExecutorService syncThread;
    private final ListenerSet<dev.confab.client.core.keys.KeyListener> keyListeners;
    private final ListenerSet<AccountListener> accountListeners;
    private final ListenerSet<dev.confab.client.core.contacts.ContactsListener> contactListeners;
    private final ListenerSet<dev.confab.client.core.chat.ChatListener> chatListeners;
    private final ListenerSet<dev.confab.client.core.calls.CallListener> callListeners;
    private final ListenerSet<CallObserver> callObservers;
    private final KeyDirectory keys;
    private final AccountService account;
    private final ContactsService contacts;
    private final ChatService chat;
    private final PresenceService presence;
    private final CallManager calls;
    private final EventStream stream;

    private final LiveSync sync;
    private volatile boolean closed;

    private ConfabClient(ClientConfig config, LocalStore store) {
        this.config = config;
        this.store = store;
        int instance = INSTANCES.incrementAndGet();
        ScheduledThreadPoolExecutor events = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "confab-events-" + instance));
        // Timers (ack and welcome timeouts, reconnect delays) must not hold up close().
        events.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        events.setRemoveOnCancelPolicy(true);
        this.eventThread = events;
        this.syncThread = Executors.newSingleThreadExecutor(r -> daemon(r, "confab-sync-" + instance));
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.connectTimeout())
                .readTimeout(config.readTimeout())
                .writeTimeout(config.readTimeout())
                .build();
        String server = config.serverUrl() != null ? config.serverUrl()
                : store.setting("server_url").orElse(ClientConfig.DEFAULT_SERVER);
        this.api = new ConfabApi(server, http);
        this.keyListeners = new ListenerSet<>(eventThread);
        this.accountListeners = new ListenerSet<>(eventThread);
        this.contactListeners = new ListenerSet<>(eventThread);
        this.chatListeners = new ListenerSet<>(eventThread);
        this.callListeners = new ListenerSet<>(eventThread);
        this.callObservers = new ListenerSet<>(eventThread);
        this.contacts = new ContactsService(api, contactListeners);
        AccountService[] accountRef = new AccountService[1];
        this.keys = new KeyDirectory(store, api, config.clock(),
                () -> accountRef[0] == null ? null : accountRef[0].current().map(AccountState::userId).orElse(null),
                () -> accountRef[0] == null ? null : accountRef[0].current().map(AccountState::deviceId).orElse(null),
                this::nameOf, keyListeners);
        this.account = new AccountService(store, api, config.random(), keys, accountListeners, config.deviceName());
        accountRef[0] = account;
        account.current().ifPresent(a -> contacts.self(a.userId()));
        this.chat = new ChatService(store, api, account, keys, config.random(), config.clock(), this::nameOf, chatListeners);
        EventStream[] streamRef = new EventStream[1];
        this.presence = new PresenceService(api, account, () -> streamRef[0]);
        CallSignaling signaling = new CallSignaling(() -> streamRef[0], config.random(), callListeners);
        this.calls = new CallManager(signaling, account, keys, api, this::nameOf, config.calls(), config.random(),
                config.clock(), callObservers, new CallLog(store));
        this.sync = new LiveSync(eventThread, syncThread, account, contacts, keys, chat, presence, signaling,
                calls::warmUp);
        this.stream = new EventStream(http, api.baseUrl(), api::token, eventThread, config.clock(),
                new Backoff(config.backoffInitial(), config.backoffMax(), config.backoffJitter(), config.backoffRandom()),
                sync, "c" + instance);
        streamRef[0] = stream;
        sync.attach(stream);
        chat.onQueued(this::flushSoon);
        keys.afterTrust(chat::resendHeld);
        account.addListener(new AccountListener() {
            @Override
            public void onSignedIn(AccountState state) {
                contacts.self(state.userId());
                if (sync.live()) {
                    stream.start();
                }
            }

            @Override
            public void onSignedOut(String reason) {
                stream.stop();
            }
        });
    }

    /** Opens the profile's store and builds a client; nothing connects until {@link #start()} or a call. */
    public static ConfabClient open(ClientConfig config) {
        LocalStore store = LocalStore.open(config.profile(), config.random());
        try {
            return new ConfabClient(config, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public ClientConfig config() {
        return config;
    }

    /** The server this client talks to. */
    public String serverUrl() {
        return api.address();
    }

    public AccountService account() {
        return account;
    }

    public ContactsService contacts() {
        return contacts;
    }

    public ChatService chat() {
        return chat;
    }

    public KeyDirectory keys() {
        return keys;
    }

    public PresenceService presence() {
        return presence;
    }

    /** Calls: place, answer, reject, hang up; the signaling underneath is {@code calls().signaling()}. */
    public CallManager calls() {
        return calls;
    }

    /** The REST API, for what the services do not cover (health, TURN credentials). */
    public ConfabApi api() {
        return api;
    }

    /** The event connection's current state. */
    public ConnectionStatus connection() {
        return stream.status();
    }

    public void addConnectionListener(ConnectionListener listener) {
        stream.addListener(listener);
    }

    public void removeConnectionListener(ConnectionListener listener) {
        stream.removeListener(listener);
    }

    /** Registers {@code listener} for every kind of event. */
    public void addListener(ClientListener listener) {
        stream.addListener(listener);
        accountListeners.add(listener);
        contactListeners.add(listener);
        chatListeners.add(listener);
        keyListeners.add(listener);
        callListeners.add(listener);
        callObservers.add(listener);
    }

    public void removeListener(ClientListener listener) {
        stream.removeListener(listener);
        accountListeners.remove(listener);
        contactListeners.remove(listener);
        chatListeners.remove(listener);
        keyListeners.remove(listener);
        callListeners.remove(listener);
        callObservers.remove(listener);
    }

    /**
     * Goes live: keeps the event connection up (from now, or from the next sign-in), so events arrive and the
     * outbox is sent whenever the server can be reached. While not connected, contacts' presence is UNKNOWN.
     */
    public void start() {
        ensureOpen();
        sync.live(true);
        contacts.live(true);
        calls.start();
        if (account.signedIn()) {
            stream.start();
        }
    }

    /** Leaves live mode: closes the event connection; the outbox waits for {@link #start()} or {@link #sync()}. */
    public void stop() {
        sync.live(false);
        stream.stop();
    }

    /**
     * One exchange with the server over REST, without the event connection: re-reads contacts, receives and
     * acknowledges the inbox, sends the outbox and pending read receipts.
     *
     * @throws NotSignedInException if not signed in
     * @throws ApiException if the server cannot be reached or refuses
     */
    public SyncResult sync() {
        ensureOpen();
        account.require();
        contacts.refresh();
        int received = chat.syncInbox();
        ChatService.FlushResult flush = chat.flushOutbox();
        try {
            chat.sendReadReceipts();
        } catch (ApiException e) {
            log.info("Read receipts wait: {}", e.getMessage());
        }
        return new SyncResult(received, flush.sent(), flush.failed(), flush.waiting());
    }

    /**
     * Sends a message to a contact named by user id: stores it, queues it, and (live) sends it as soon as the
     * server can be reached. The same as {@code chat().send(...)}.
     */
    public dev.confab.client.core.chat.ChatMessage send(String peerUserId, String text) {
        return chat.send(peerUserId, text);
    }

    /** Asks the live client to send the outbox now (no-op when not live). */
    public void flushSoon() {
        if (sync.live()) {
            sync.flushSoon();
        }
    }

    /**
     * Stops everything and closes the store; waits for the sync thread to finish its current step. The client
     * cannot be used afterwards. Do not call it from a listener (the event thread).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        calls.close();
        stream.stop();
        syncThread.shutdown();
        try {
            if (!syncThread.awaitTermination(10, TimeUnit.SECONDS)) {
                syncThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        eventThread.shutdown();
        try {
            eventThread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        store.close();
    }

    // ---- internals

    private String nameOf(String userId) {
        AccountState me = account == null ? null : account.current().orElse(null);
        if (me != null && me.userId().equals(userId)) {
            return me.username();
        }
        return contacts.nameOf(userId);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("This client is closed");
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
