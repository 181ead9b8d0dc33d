package dev.confab.client.core.chat;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.account.AccountService;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.Ids;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.keys.UntrustedKeyException;
import dev.confab.client.core.store.LocalStore;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.chat.ChatPayload;
import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.rest.ReadReceiptRequest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat: composing, the outbox, receiving, receipts and history.
 *
 * <p><b>Send.</b> {@link #send} checks that the text can be sealed, stores the message (state SENDING) and queues it
 * in the outbox in one transaction; the {@link OutboxSender} then sends the outbox in composition order once the
 * server can be reached ({@link #flushOutbox}). Each send seals the {@link ChatPayload} once per trusted device of
 * the recipient and once per trusted other device of this user; on {@code device_mismatch} it re-reads keys and
 * tries again. A send is idempotent by message id, so retrying after an unknown outcome (a timeout, a crash) never
 * duplicates. A message refused because the recipient's keys changed is held (FAILED) and queued again by itself
 * when the user trusts the new keys ({@link #resendHeld}, wired to {@code KeyDirectory.afterTrust}).
 *
 * <p><b>Receive.</b> {@link #receive} handles inbox items in order: it fetches the sender's keys if needed, opens the
 * envelope, and stores the message (a no-op when it is stored already). Only then may the caller acknowledge the
 * item. A message that does not open is stored as undecryptable with the reason, and acknowledged; a failure to
 * reach the server is thrown, and the caller must not acknowledge that item nor any after it.
 *
 * <p>Thread-safe: sending serializes on the {@link OutboxSender}'s lock, receiving on the {@link InboxReceiver}'s.
 * Methods that talk to the server block.
 */
public final class ChatService {
    private static final Logger log = LoggerFactory.getLogger(ChatService.class);

    /**
     * What one flush of the outbox did. Immutable.
     *
     * @param failures why each message refused for good in this flush failed, by message id
     */
    public record FlushResult(int sent, int failed, int waiting, Map<String, ClientException> failures) {
        public FlushResult {
            failures = Map.copyOf(failures);
        }
    }

    private final ChatStore store;
    private final ConfabApi api;
    private final AccountService account;
    private final KeyDirectory keys;
    private final SecureRandom random;
    private final Clock clock;
    private final ListenerSet<ChatListener> listeners;
    private volatile Runnable onQueued = () -> { };
    private final OutboxSender sender;
    private final InboxReceiver receiver;

    public ChatService(LocalStore localStore, ConfabApi api, AccountService account, KeyDirectory keys, SecureRandom random,
            Clock clock, Function<String, String> nameOf, ListenerSet<ChatListener> listeners) {
        this.store = new ChatStore(Objects.requireNonNull(localStore, "localStore"));
        this.api = Objects.requireNonNull(api, "api");
        this.account = Objects.requireNonNull(account, "account");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.sender = new OutboxSender(store, api, account, keys, random, clock, Objects.requireNonNull(nameOf, "nameOf"), listeners);
        this.receiver = new InboxReceiver(store, api, account, keys, listeners);
    }

    public void addListener(ChatListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ChatListener listener) {
        listeners.remove(listener);
    }

    // ---- composing and sending

    /**
     * Composes a message to {@code peerUserId} and queues it; it is sent by the next {@link #flushOutbox} (the
     * running client flushes by itself when connected). Works offline.
     *
     * @throws UntrustedKeyException if the peer's keys changed and the user has not trusted them
     * @throws ClientException if the text is empty, or too long to be sealed (in characters or in encoded bytes)
     */
    public ChatMessage send(String peerUserId, String text) {
        AccountState me = account.require();
        long composedAt = clock.millis();
        ChatPayloads.encode(text, composedAt);
        if (peerUserId.equals(me.userId())) {
            throw new ClientException("You cannot send a message to yourself.");
        }
        if (keys.known(peerUserId)) {
            keys.sealTargets(peerUserId);
        }
        ChatMessage message = new ChatMessage(Ids.uuid(random), peerUserId, true, me.userId(), me.deviceId(), text,
                composedAt, 0, MessageState.SENDING, null, false, null);
        ChatMessage stored = store.insertOutgoing(message);
        listeners.fire(l -> l.onMessage(stored));
        onQueued.run();
        return stored;
    }

    /** Wiring: what to do when messages were queued (the live client sends the outbox soon). */
    public void onQueued(Runnable action) {
        this.onQueued = action == null ? () -> { } : action;
    }

    /** Whether messages wait in the outbox. */
    public boolean outboxEmpty() {
        return store.outbox().isEmpty();
    }

    /**
     * Sends what waits in the outbox, oldest first. Stops at the first message that cannot be sent for now
     * (server unreachable, overloaded, rate limited) so order is kept; a message refused for good (not contacts,
     * blocked, untrusted keys) is marked FAILED and the rest go on. A conversation whose recipient has a device with a
     * full inbox waits (its messages stay queued, with the reason as their problem) while the others go on.
     */
    public FlushResult flushOutbox() {
        return sender.flush();
    }

    /**
     * Queues again, in order, the messages to {@code peerUserId} that were held back because the peer's keys changed;
     * called when the user trusts the peer's keys. The live client sends them soon; otherwise the next
     * {@link #flushOutbox} does. Returns the messages queued again.
     */
    public List<ChatMessage> resendHeld(String peerUserId) {
        List<ChatMessage> requeued = sender.requeueHeld(peerUserId);
        if (!requeued.isEmpty()) {
            onQueued.run();
        }
        return requeued;
    }

    /**
     * Takes a message that still waits in the outbox out of it for good: it ends FAILED with {@code why} and is never
     * sent (for a caller that must not leave a message behind, such as {@code confab send --no-queue}). Returns the
     * failed message, or empty when it was not waiting any more (sent or failed meanwhile).
     */
    public Optional<ChatMessage> discard(String messageId, String why) {
        return sender.discard(messageId, why);
    }

    /** Whether a failure is temporary: the server is out of reach, overloaded, limiting, or the session is gone. */
    static boolean retryLater(ApiException e) {
        return e.unreachable() || e.kind() == ApiException.Kind.BAD_RESPONSE
                || e.is(ErrorCode.RATE_LIMITED) || e.is(ErrorCode.INTERNAL_ERROR) || e.is(ErrorCode.UNAVAILABLE)
                || e.is(ErrorCode.UNAUTHORIZED);
    }

    // ---- receiving

    /**
     * Handles one inbox item: stores a message exactly once (or records it as undecryptable), or applies a receipt.
     * When this returns the item may be acknowledged.
     *
     * @throws ApiException if the server could not be reached to fetch the sender's keys: do not acknowledge
     */
    public void receive(InboxEntry entry) {
        receiver.receive(entry);
    }

    /**
     * Reads the whole inbox over REST, handling and acknowledging it page by page (for a client without the event
     * connection, such as one CLI command). Returns how many items were handled.
     */
    public int syncInbox() {
        return receiver.syncInbox();
    }

    // ---- reading

    /**
     * Marks every unread message of the conversation read and sends read receipts (now if the server answers,
     * else with the next flush). Returns how many were marked.
     */
    public int markRead(String peerUserId) {
        List<ChatMessage> read = store.markRead(peerUserId);
        read.forEach(m -> listeners.fire(l -> l.onMessageChanged(m)));
        if (!read.isEmpty()) {
            try {
                sendReadReceipts();
            } catch (ApiException e) {
                log.info("Read receipts wait for the server: {}", e.getMessage());
            }
        }
        return read.size();
    }

    /** Sends read receipts still waiting for the server. */
    public void sendReadReceipts() {
        for (Map.Entry<String, List<String>> pending : store.pendingReads().entrySet()) {
            List<String> ids = pending.getValue();
            for (int from = 0; from < ids.size(); from += 500) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + 500));
                try {
                    api.markRead(new ReadReceiptRequest(batch));
                } catch (ApiException e) {
                    if (retryLater(e)) {
                        throw e;
                    }
                    log.warn("Read receipts to {} refused: {}", pending.getKey(), e.getMessage());
                }
                store.readsSent(pending.getKey(), batch);
            }
        }
    }

    /** A page of the conversation from the local store, newest first; {@code before} is a previous page's cursor. */
    public HistoryPage history(String peerUserId, String before, int limit) {
        Long beforeSeq;
        try {
            beforeSeq = before == null || before.isBlank() ? null : Long.parseLong(before.strip());
        } catch (NumberFormatException e) {
            throw new ClientException("'" + before + "' is not a history cursor (use the one a previous page printed).");
        }
        return store.history(peerUserId, beforeSeq, Math.max(1, Math.min(limit, 1000)));
    }

    /** Every conversation with its newest message, most recent first. */
    public List<ConversationSummary> conversations() {
        return store.conversations();
    }

    public Optional<ChatMessage> message(String senderUserId, String messageId) {
        return store.find(senderUserId, messageId);
    }

    public Optional<String> draft(String peerUserId) {
        return store.draft(peerUserId);
    }

    /** Keeps a draft for the conversation (encrypted); empty or null clears it. */
    public void saveDraft(String peerUserId, String text) {
        store.saveDraft(peerUserId, text);
    }
}
