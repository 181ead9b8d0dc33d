package dev.confab.client.cli;

import dev.confab.client.core.ClientListener;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.account.AccountState;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.contacts.ContactView;
import dev.confab.client.core.events.ConnectionStatus;
import dev.confab.client.core.keys.KeyChange;
import dev.confab.protocol.rest.ContactRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Prints every event of a live client as it happens, for {@code watch} and {@code shell}: one line for people, or
 * one JSON object per event with {@code --json}. Runs on the client's event thread.
 */
final class EventPrinter implements ClientListener {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ConfabClient client;
    private final Printer out;
    private final Clock clock;
    private final Runnable afterLine;

    EventPrinter(ConfabClient client, Printer out, Runnable afterLine) {
        this.client = client;
        this.out = out;
        this.clock = client.config().clock();
        this.afterLine = afterLine;
    }

    @Override
    public void onConnectionChanged(ConnectionStatus status) {
        String human = switch (status.state()) {
            case CONNECTING -> "Connecting to " + client.serverUrl() + "...";
            case CONNECTED -> "Connected to " + client.serverUrl() + ".";
            case RECONNECTING -> status.nextAttemptAt() == null ? null
                    : "Connection lost (" + status.lastError() + "); retrying in "
                            + seconds(Duration.between(clock.instant(), status.nextAttemptAt())) + ". Presence is unknown meanwhile.";
            case OFFLINE -> status.lastError() == null ? "Disconnected." : "Disconnected: " + status.lastError();
        };
        if (human == null) {
            return;
        }
        emit(human, Printer.obj("event", "connection", "state", status.state().name().toLowerCase(Locale.ROOT),
                "nextAttemptAt", status.nextAttemptAt() == null ? null : status.nextAttemptAt().toEpochMilli(),
                "error", status.lastError()));
    }

    @Override
    public void onSignedIn(AccountState account) {
        emit("Signed in as " + account.username() + ".", Printer.obj("event", "signedIn", "username", account.username()));
    }

    @Override
    public void onSignedOut(String reason) {
        emit(reason == null ? "Signed out." : "Signed out: " + reason,
                Printer.obj("event", "signedOut", "reason", reason));
    }

    @Override
    public void onPresenceChanged(ContactView contact) {
        emit(contact.username() + " is " + contact.presence().label() + ".",
                Printer.obj("event", "presence", "user", contact.username(), "userId", contact.userId(),
                        "state", contact.presence().label(), "lastSeenAt", contact.lastSeenAt() > 0 ? contact.lastSeenAt() : null));
    }

    @Override
    public void onRequestEvent(ContactRequest request) {
        String me = client.account().current().map(AccountState::userId).orElse("");
        boolean incoming = !request.from().userId().equals(me);
        String other = incoming ? request.from().username() : request.to().username();
        String human = switch (request.status()) {
            case PENDING -> incoming ? other + " asks to be your contact" + (request.message() == null ? "" : ": \"" + request.message() + "\"")
                    + ". Accept with 'contacts accept " + other + "'." : null;
            case ACCEPTED -> null; // contact.added says it
            case DECLINED -> incoming ? null : other + " declined your contact request.";
            case CANCELLED -> incoming ? other + " cancelled their contact request." : null;
        };
        if (human != null || out.json()) {
            emit(human, Printer.obj("event", "request", "direction", incoming ? "incoming" : "outgoing", "user", other,
                    "status", request.status().wire(), "requestId", request.requestId(), "message", request.message()));
        }
    }

    @Override
    public void onContactAdded(ContactView contact) {
        emit("You and " + contact.username() + " are now contacts.",
                Printer.obj("event", "contactAdded", "user", contact.username(), "userId", contact.userId()));
    }

    @Override
    public void onContactRemoved(String userId) {
        String name = client.contacts().nameOf(userId);
        emit(name + " is no longer a contact.", Printer.obj("event", "contactRemoved", "user", name, "userId", userId));
    }

    @Override
    public void onMessage(ChatMessage m) {
        String peer = client.contacts().nameOf(m.peerUserId());
        String text = m.text() != null ? m.text() : "[" + m.problem() + "]";
        String human;
        if (!m.outgoing()) {
            human = "[" + time(m) + "] " + peer + ": " + text + (m.unverifiedSender() ? "  (from an untrusted key)" : "");
        } else if (m.senderDeviceId() != null && m.senderDeviceId().equals(client.account().current().map(AccountState::deviceId).orElse(null))) {
            human = "[" + time(m) + "] you -> " + peer + ": " + text + "  (" + state(m) + ")";
        } else {
            human = "[" + time(m) + "] you (another device) -> " + peer + ": " + text;
        }
        emit(human, Printer.obj("event", "message", "messageId", m.messageId(), "peer", peer,
                "from", m.outgoing() ? "me" : peer, "outgoing", m.outgoing(), "text", m.text(), "state", state(m),
                "serverTimestamp", m.serverTimestamp() > 0 ? m.serverTimestamp() : null, "problem", m.problem(),
                "unverifiedSender", m.unverifiedSender() ? true : null));
    }

    @Override
    public void onMessageChanged(ChatMessage m) {
        if (!m.outgoing()) {
            return;
        }
        String peer = client.contacts().nameOf(m.peerUserId());
        String human = switch (m.state()) {
            case SENT -> "Sent to " + peer + ": " + preview(m);
            case DELIVERED -> "Delivered to " + peer + ": " + preview(m);
            case READ -> peer + " read: " + preview(m);
            case FAILED -> "NOT sent to " + peer + ": " + m.problem();
            case SENDING -> "Sending again to " + peer + ": " + preview(m);
            default -> null;
        };
        if (human != null) {
            emit(human, Printer.obj("event", "receipt", "messageId", m.messageId(), "peer", peer, "state", state(m),
                    "problem", m.problem()));
        }
    }

    @Override
    public void onKeyChange(KeyChange change) {
        String name = change.ownAccount() ? "you" : client.contacts().nameOf(change.userId());
        String check = change.ownAccount() ? " Check with 'devices list'." : " Check with 'contacts keys " + name + "'.";
        emit("!!! WARNING: " + change.describe(name) + check,
                Printer.obj("event", "keyChange", "user", name, "userId", change.userId(), "deviceId", change.deviceId(),
                        "kind", change.kind().name().toLowerCase(Locale.ROOT), "oldFingerprint", change.oldFingerprint(),
                        "newFingerprint", change.newFingerprint(), "ownAccount", change.ownAccount() ? true : null));
    }

    @Override
    public void onTrusted(String userId) {
        boolean own = client.account().current().map(AccountState::userId).filter(userId::equals).isPresent();
        String name = own ? "you" : client.contacts().nameOf(userId);
        emit(own ? "You trust the devices of your account you approved." : "You trust " + name + "'s current keys.",
                Printer.obj("event", "trusted", "user", name, "ownAccount", own ? true : null));
    }

    private void emit(String human, java.util.Map<String, Object> json) {
        out.result(human, json);
        afterLine.run();
    }

    private static String state(ChatMessage m) {
        return m.state().name().toLowerCase(Locale.ROOT);
    }

    private static String time(ChatMessage m) {
        long at = m.serverTimestamp() > 0 ? m.serverTimestamp() : m.composedAt();
        return at > 0 ? TIME.format(Instant.ofEpochMilli(at)) : "--:--:--";
    }

    private static String preview(ChatMessage m) {
        if (m.text() == null) {
            return "(message)";
        }
        return "\"" + (m.text().length() > 40 ? m.text().substring(0, 37) + "..." : m.text()) + "\"";
    }

    private static String seconds(Duration d) {
        long ms = Math.max(0, d.toMillis());
        return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
}
