package dev.confab.client.core;

import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.calls.CallSignaling;
import dev.confab.client.core.chat.ChatService;
import dev.confab.client.core.contacts.ContactView;
import dev.confab.client.core.contacts.ContactsService;
import dev.confab.client.core.events.EventStream;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.presence.PresenceService;
import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.inbox.InboxItem;
import dev.confab.protocol.ws.ClientMessage;
import dev.confab.protocol.ws.ServerMessage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the live client does with its event connection: routes events to the feature services, and on the sync
 * thread re-reads state after every (re)connect, stores each inbox item before acknowledging it, and sends the
 * outbox whenever the server can take it.
 *
 * <p>Inbox rule: items are handled in order; the acknowledgement names the highest item stored, so it is sent
 * only for a gap-free prefix. An item that cannot be handled now (the server is out of reach for the sender's
 * keys) stops the handling of that connection's later items and forces a reconnect, after which the server sends
 * every unacknowledged item again; storing is idempotent, so nothing shows twice.
 *
 * <p>Threading: {@link EventStream.Handler} methods run on the event thread and hand work to the sync thread;
 * the fields below belong to the sync thread.
 */
final class LiveSync implements EventStream.Handler {
    private static final Logger log = LoggerFactory.getLogger(LiveSync.class);

    private final ScheduledExecutorService eventThread;
    private final ExecutorService syncThread;
    private final AccountService account;
    private final ContactsService contacts;
    private final KeyDirectory keys;
    private final ChatService chat;
    private final PresenceService presence;
    private final CallSignaling calls;
    private EventStream stream;

    // Event-thread state.
    private int connections;
    // Sync-thread state.
    private int connection;
    private int blockedConnection = -1;
    private long ackedSeq = -1;
    private long storedSeq = -1;
    private boolean ackQueued;
    private boolean flushRetryQueued;
    private final Runnable firstSynced;
    private boolean synced;
    /** Whether the client is live: a stopped client sends its outbox only when asked ({@code sync()}). */
    private volatile boolean live;

    /**
     * @param firstSynced runs once, on the sync thread, when the first connection's contacts, keys and outbox are
     *        done: what may wait until the user has their contacts (the calls' start-up warm-up) starts then
     */
    LiveSync(ScheduledExecutorService eventThread, ExecutorService syncThread, AccountService account,
            ContactsService contacts, KeyDirectory keys, ChatService chat, PresenceService presence, CallSignaling calls,
            Runnable firstSynced) {
        this.eventThread = eventThread;
        this.syncThread = syncThread;
        this.account = account;
        this.contacts = contacts;
        this.keys = keys;
        this.chat = chat;
        this.presence = presence;
        this.calls = calls;
        this.firstSynced = firstSynced;
    }

    /** The stream this handler serves (made after the handler, since the stream needs it). */
    void attach(EventStream stream) {
        this.stream = stream;
    }

    /**
     * Live or stopped, from the client's {@code start()} and {@code stop()}: a flush already queued when the client
     * stops does not send what the user writes while it is stopped.
     */
    void live(boolean live) {
        this.live = live;
    }

    /** Whether the client is live (started and not stopped since); readable from any thread. */
    boolean live() {
        return live;
    }

    /** Sends the outbox soon, on the sync thread. */
    void flushSoon() {
        onSync(this::flush);
    }

    // ---- EventStream.Handler, on the event thread

    @Override
    public void onWelcome(ServerMessage.Welcome welcome) {
        int id = ++connections;
        contacts.connected(true);
        if (id > 1) {
            calls.reconnected();
        }
        onSync(() -> resync(id));
    }

    @Override
    public void onEvent(ServerMessage event) {
        switch (event) {
            case ServerMessage.Inbox inbox -> {
                int id = connections;
                onSync(() -> inbox(id, inbox.seq(), inbox.item()));
            }
            case ServerMessage.Presence e -> contacts.onEvent(e);
            case ServerMessage.ContactRequestChanged e -> contacts.onEvent(e);
            case ServerMessage.ContactAdded e -> {
                contacts.onEvent(e);
                onSync(() -> keys.refresh(e.contact().userId())); // pins the new contact's keys: first use
            }
            case ServerMessage.ContactRemoved e -> contacts.onEvent(e);
            case ServerMessage.KeysChanged e -> onSync(() -> keys.refresh(e.userId()));
            case ServerMessage.SessionRevoked e -> log.info("Session {} revoked by the server", e.sessionId());
            default -> calls.onEvent(event);
        }
    }

    @Override
    public void onDisconnected() {
        contacts.connected(false);
    }

    @Override
    public void onRejected(ApiException reason) {
        contacts.connected(false);
        onSync(() -> account.sessionEnded(reason.getMessage()));
    }

    // ---- the sync thread

    /** After (re)connecting: re-read everything the events may have missed, then send what waits. */
    private void resync(int connectionId) {
        connection = connectionId;
        blockedConnection = -1;
        ackedSeq = -1;
        storedSeq = -1;
        contacts.refresh();
        keys.refresh(account.require().userId());
        for (ContactView contact : contacts.list()) {
            try {
                keys.refresh(contact.userId());
            } catch (ApiException e) {
                if (e.unreachable()) {
                    throw e;
                }
                log.info("Cannot read the keys of {}: {}", contact.username(), e.getMessage());
            }
        }
        presence.reapply();
        flush();
        chat.sendReadReceipts();
        if (!synced) {
            synced = true;
            firstSynced.run();
        }
    }

    private void flush() {
        if (!live || !account.signedIn()) {
            return;
        }
        ChatService.FlushResult result = chat.flushOutbox();
        if (result.waiting() > 0 && stream.status().connected() && !flushRetryQueued) {
            // Connected but the server refused for now (overloaded, rate limited): try again shortly.
            flushRetryQueued = true;
            eventThread.schedule(() -> onSync(() -> {
                flushRetryQueued = false;
                flush();
            }), 2, TimeUnit.SECONDS);
        }
    }

    private void inbox(int connectionId, long seq, InboxItem item) {
        if (connectionId != connection || blockedConnection == connectionId) {
            return; // An item of an older connection, or one after a failed item: the server sends it again.
        }
        try {
            chat.receive(new InboxEntry(seq, item));
        } catch (RuntimeException e) {
            log.warn("Inbox item {} waits for the next connection: {}", seq, e.getMessage());
            blockedConnection = connectionId;
            stream.reconnectNow();
            return;
        }
        storedSeq = Math.max(storedSeq, seq);
        if (!ackQueued) {
            ackQueued = true;
            onSync(() -> ack(connectionId));
        }
    }

    private void ack(int connectionId) {
        ackQueued = false;
        if (connectionId != connection || storedSeq <= ackedSeq) {
            return;
        }
        long upTo = storedSeq;
        stream.send(new ClientMessage.AckInbox(stream.nextId(), upTo))
                .thenRun(() -> onSync(() -> ackedSeq = Math.max(ackedSeq, upTo)))
                .exceptionally(e -> null);
    }

    private void onSync(Runnable task) {
        try {
            syncThread.execute(() -> {
                try {
                    task.run();
                } catch (ApiException e) {
                    log.info("Background sync step failed: {}", e.getMessage());
                } catch (RuntimeException e) {
                    log.error("Background sync step failed", e);
                }
            });
        } catch (RejectedExecutionException e) {
            // Closing.
        }
    }
}
