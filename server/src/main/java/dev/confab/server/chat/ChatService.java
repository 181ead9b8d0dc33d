package dev.confab.server.chat;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.Fields;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Store-and-forward chat. A message is stored as one inbox item per envelope (per device), with its metadata
 * for history; a repeated {@code messageId} from the same sender is answered like the first without storing
 * anything. Acknowledging deletes items (and their ciphertext); the first acknowledgement by a recipient device
 * puts a {@code delivered} receipt in every device inbox of the sender, and read requests put {@code read}
 * receipts the same way. Items are pushed after their transaction commits. Thread-safe.
 */
public final class ChatService {
    /** Answer to a send: {@code created} is false for an idempotent repeat. */
    public record Sent(SendMessageResponse response, boolean created) {}

    private final Database db;
    private final DeviceRepository devices;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final Relationships relationships;
    private final InboxRepository inbox;
    private final MessageRepository messages = new MessageRepository();
    private final InboxPusher pusher;
    private final ServerMetrics metrics;
    private final Clock clock;

    public ChatService(Database db, DeviceRepository devices, AccountRepository accounts, ContactRepository contacts,
            Relationships relationships, java.util.concurrent.Executor pushExecutor, ServerMetrics metrics, Clock clock) {
        this.db = db;
        this.devices = devices;
        this.accounts = accounts;
        this.contacts = contacts;
        this.relationships = relationships;
        this.inbox = new InboxRepository();
        this.pusher = new InboxPusher(db, inbox, pushExecutor);
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
        List<byte[]> ciphertexts = envelopes.stream().map(e -> Base64.getDecoder().decode(e.ciphertext())).toList();
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
                for (int i = 0; i < envelopes.size(); i++) {
                    String deviceId = envelopes.get(i).deviceId();
                    inbox.insertMessage(c, deviceId, inbox.nextSeq(c, deviceId), request.messageId(), p.userId(),
                            p.deviceId(), request.recipientUserId(), ciphertexts.get(i), now);
                }
                return new Sent(new SendMessageResponse(request.messageId(), now), true);
            });
        } catch (DataAccessException.UniqueViolation e) {
            long at = db.read(c -> messages.timestamp(c, p.userId(), request.messageId())).orElseThrow(() -> e);
            return new Sent(new SendMessageResponse(request.messageId(), at), false);
        }
        if (sent.created()) {
            metrics.messageSent();
            metrics.inboxStored("message", envelopes.size());
            pusher.wake(envelopes.stream().map(Envelope::deviceId).toList());
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
            receipts[0] = 0;
            List<InboxRepository.Acked> removed = inbox.ack(c, p.deviceId(), upToSeq);
            for (InboxRepository.Acked item : removed) {
                if (item.kind().equals("message") && p.userId().equals(item.recipientUserId())
                        && messages.markDelivered(c, item.fromUserId(), item.messageId(), now)) {
                    List<String> targets = receipt(c, item.fromUserId(), item.messageId(), p.userId(),
                            ReceiptStatus.DELIVERED, now);
                    receipts[0] += targets.size();
                    woken.addAll(targets);
                }
            }
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
            int stored = 0;
            for (String messageId : messageIds) {
                var sender = messages.markRead(c, p.userId(), messageId, now);
                if (sender.isPresent() && !contacts.isBlockedEither(c, p.userId(), sender.get())) {
                    List<String> targets = receipt(c, sender.get(), messageId, p.userId(), ReceiptStatus.READ, now);
                    stored += targets.size();
                    woken.addAll(targets);
                }
            }
            return stored;
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
        MessageRepository.Position position = before == null ? null : Cursor.decode(before);
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
        return new MessagePage(shown, Cursor.encode(new MessageRepository.Position(last.serverTimestamp(),
                last.messageId(), last.senderUserId())));
    }

    private List<String> receipt(Connection c, String senderUserId, String messageId, String byUserId,
            ReceiptStatus status, long now) throws SQLException {
        List<String> targets = devices.deviceIds(c, senderUserId);
        for (String deviceId : targets) {
            inbox.insertReceipt(c, deviceId, inbox.nextSeq(c, deviceId), messageId, byUserId, status, now);
        }
        return targets;
    }

    /** History cursors: opaque base64url of the last shown position. */
    static final class Cursor {
        private Cursor() {}

        static String encode(MessageRepository.Position p) {
            String raw = p.serverTimestamp() + "\n" + p.messageId() + "\n" + p.senderUserId();
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static MessageRepository.Position decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), java.nio.charset.StandardCharsets.UTF_8);
                String[] parts = raw.split("\n", -1);
                if (parts.length != 3) {
                    throw new IllegalArgumentException("parts");
                }
                return new MessageRepository.Position(Long.parseLong(parts[0]), Fields.id(parts[1], "before"),
                        Fields.id(parts[2], "before"));
            } catch (IllegalArgumentException | ProtocolException e) {
                throw Fields.invalid("before", "before is not a cursor this server made");
            }
        }
    }
}
