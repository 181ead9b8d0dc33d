package dev.confab.server.chat;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.inbox.InboxEntry;
import dev.confab.protocol.inbox.ReceiptStatus;
import dev.confab.protocol.rest.Envelope;
import dev.confab.protocol.rest.InboxPage;
import dev.confab.protocol.rest.MessageMeta;
import dev.confab.protocol.rest.MessagePage;
import dev.confab.protocol.rest.SendMessageRequest;
import dev.confab.protocol.rest.SendMessageResponse;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.contacts.ContactRepository;
import dev.confab.server.contacts.Relationships;
import dev.confab.server.devices.DeviceRepository;
import dev.confab.server.metrics.ServerMetrics;
import dev.confab.server.sessions.Principal;
import dev.confab.server.storage.DataAccessException;
import dev.confab.server.storage.Database;
import dev.confab.server.support.Timers;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Executor;

/**
 * Store-and-forward chat. A message is stored as one inbox item per envelope (per device), with its metadata
 * for history; a repeated {@code messageId} from the same sender is answered like the first without storing
 * anything. Acknowledging deletes items (and their ciphertext); the first acknowledgement by a recipient device
 * puts a {@code delivered} receipt in every keyed device inbox of the sender, and read requests put {@code read}
 * receipts the same way; no receipt crosses a block. Every write follows {@link InboxAppender}'s lock order and
 * inbox bound. Items are pushed after their transaction commits. Thread-safe.
 */
public final class ChatService {
    /** Answer to a send: {@code created} is false for an idempotent repeat. */
    public record Sent(SendMessageResponse response, boolean created) {}

    /** A message whose sender gets a receipt. */
    private record Receipted(String senderUserId, String messageId) {}

    /** The order message rows are changed in: by message id (as read requests do), then sender. */
    private static final Comparator<InboxRepository.Acked> MESSAGE_ORDER =
            Comparator.comparing(InboxRepository.Acked::messageId).thenComparing(InboxRepository.Acked::fromUserId);

    private final Database db;
    private final DeviceRepository devices;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final Relationships relationships;
    private final InboxRepository inbox = new InboxRepository();
    private final InboxAppender appender;
    private final MessageRepository messages = new MessageRepository();
    private final InboxPusher pusher;
    private final ServerMetrics metrics;
    private final Clock clock;

    /**
     * @param pushExecutor  runs inbox pushes (virtual threads in the server)
     * @param timers        schedules retries of a push that failed on a database error
     * @param inboxMaxItems the most items one device's inbox holds
     */
    public ChatService(Database db, DeviceRepository devices, AccountRepository accounts, ContactRepository contacts,
            Relationships relationships, Executor pushExecutor, Timers timers, int inboxMaxItems, ServerMetrics metrics,
            Clock clock) {
        this.db = db;
        this.devices = devices;
        this.accounts = accounts;
        this.contacts = contacts;
        this.relationships = relationships;
        this.appender = new InboxAppender(inbox, inboxMaxItems);
        this.pusher = new InboxPusher(db, inbox, pushExecutor, timers);
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The streams that push inboxes on WebSocket connections. */
    public InboxPusher pusher() {
        return pusher;
    }

    public Sent send(Principal p, SendMessageRequest request) {
        var earlier = db.read(c -> messages.timestamp(c, p.userId(), request.messageId()));
        if (earlier.isPresent()) {
            return new Sent(new SendMessageResponse(request.messageId(), earlier.get()), false);
        }
        List<Envelope> envelopes = request.envelopes();
        SortedMap<String, byte[]> byDevice = new TreeMap<>();
        envelopes.forEach(e -> byDevice.put(e.deviceId(), Base64.getDecoder().decode(e.ciphertext())));
        long now = clock.millis();
        Sent sent;
        try {
            sent = db.write(c -> {
                var again = messages.timestamp(c, p.userId(), request.messageId());
                if (again.isPresent()) {
                    return new Sent(new SendMessageResponse(request.messageId(), again.get()), false);
                }
                relationships.requireMayInteract(c, p.userId(), request.recipientUserId());
                List<String> ownOthers = new ArrayList<>(devices.keyedDeviceIds(c, p.userId()));
                ownOthers.remove(p.deviceId());
                DeviceSetCheck.check(envelopes.stream().map(Envelope::deviceId).toList(),
                        devices.keyedDeviceIds(c, request.recipientUserId()), ownOthers);
                messages.insert(c, p.userId(), request.messageId(), p.deviceId(), request.recipientUserId(), now);
                appender.appendMessage(c, byDevice, new InboxAppender.Message(request.messageId(), p.userId(),
                        p.deviceId(), request.recipientUserId(), now));
                return new Sent(new SendMessageResponse(request.messageId(), now), true);
            });
        } catch (DataAccessException.UniqueViolation e) {
            long at = db.read(c -> messages.timestamp(c, p.userId(), request.messageId())).orElseThrow(() -> e);
            return new Sent(new SendMessageResponse(request.messageId(), at), false);
        }
        if (sent.created()) {
            metrics.messageSent();
            metrics.inboxStored("message", envelopes.size());
            pusher.wake(byDevice.keySet());
        }
        return sent;
    }

    /** Deletes the calling device's items up to {@code upToSeq}; first recipient acks produce delivered receipts. */
    public void ack(Principal p, long upToSeq) {
        long now = clock.millis();
        Set<String> woken = new LinkedHashSet<>();
        int[] receipts = new int[1];
        int acked = db.write(c -> {
            woken.clear();
            List<InboxRepository.Acked> removed = inbox.ack(c, p.deviceId(), upToSeq);
            List<Receipted> delivered = new ArrayList<>();
            for (InboxRepository.Acked item : removed.stream().sorted(MESSAGE_ORDER).toList()) {
                if (item.kind().equals("message") && p.userId().equals(item.recipientUserId())
                        && messages.markDelivered(c, item.fromUserId(), item.messageId(), now)
                        && !contacts.isBlockedEither(c, p.userId(), item.fromUserId())) {
                    delivered.add(new Receipted(item.fromUserId(), item.messageId()));
                }
            }
            receipts[0] = receipts(c, delivered, p.userId(), ReceiptStatus.DELIVERED, now, woken);
            return removed.size();
        });
        metrics.inboxAcked(acked);
        metrics.inboxStored("receipt", receipts[0]);
        pusher.acked(p.deviceId(), upToSeq);
        pusher.wake(woken);
    }

    /** The caller read these messages sent to them: their senders get read receipts. */
    public void read(Principal p, List<String> messageIds) {
        long now = clock.millis();
        Set<String> woken = new LinkedHashSet<>();
        int receipts = db.write(c -> {
            woken.clear();
            List<Receipted> read = new ArrayList<>();
            for (String messageId : new TreeSet<>(messageIds)) {
                var sender = messages.markRead(c, p.userId(), messageId, now);
                if (sender.isPresent() && !contacts.isBlockedEither(c, p.userId(), sender.get())) {
                    read.add(new Receipted(sender.get(), messageId));
                }
            }
            return receipts(c, read, p.userId(), ReceiptStatus.READ, now, woken);
        });
        metrics.inboxStored("receipt", receipts);
        pusher.wake(woken);
    }

    /** The calling device's waiting items, oldest first. */
    public InboxPage inbox(Principal p, int limit) {
        List<InboxEntry> entries = db.read(c -> inbox.after(c, p.deviceId(), 0, limit + 1));
        boolean more = entries.size() > limit;
        return new InboxPage(more ? entries.subList(0, limit) : entries, more);
    }

    /** A page of the conversation between the caller and {@code userId}, newest first. */
    public MessagePage history(Principal p, String userId, String before, int limit) {
        MessageRepository.Position position = before == null ? null : HistoryCursor.decode(before);
        List<MessageMeta> page = db.read(c -> {
            if (accounts.byId(c, userId).isEmpty()) {
                throw new ProtocolException(ErrorCode.USER_NOT_FOUND, "No such user");
            }
            return messages.page(c, p.userId(), userId, position, limit + 1);
        });
        if (page.size() <= limit) {
            return new MessagePage(page, null);
        }
        List<MessageMeta> shown = page.subList(0, limit);
        MessageMeta last = shown.getLast();
        return new MessagePage(shown, HistoryCursor.encode(new MessageRepository.Position(last.serverTimestamp(),
                last.messageId(), last.senderUserId())));
    }

    /**
     * Puts a receipt for each message in every keyed device inbox of its sender (devices without keys have no
     * client to tell); adds the devices to {@code woken} and returns how many receipts were stored.
     */
    private int receipts(Connection c, List<Receipted> messages, String byUserId, ReceiptStatus status, long now,
            Set<String> woken) throws SQLException {
        SortedMap<String, List<String>> byDevice = new TreeMap<>();
        for (Receipted m : messages) {
            for (String deviceId : devices.keyedDeviceIds(c, m.senderUserId())) {
                byDevice.computeIfAbsent(deviceId, k -> new ArrayList<>()).add(m.messageId());
            }
        }
        woken.addAll(byDevice.keySet());
        return appender.appendReceipts(c, byDevice, byUserId, status, now);
    }
}
