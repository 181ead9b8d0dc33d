package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.ChatService;
import dev.confab.client.core.chat.MessageState;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code confab send <username> <text...>}: sends an end-to-end encrypted message to a contact. When the server
 * cannot take it now, the message is kept in the profile's outbox (exit 6) and the next {@code sync}, {@code shell}
 * or {@code watch} sends it, so a script must not send it again; {@code --no-queue} discards it instead.
 */
@Command(name = "send", description = {"Send an end-to-end encrypted message to a contact.",
        "If the server cannot be reached, the message is queued in this profile and sent by the next 'sync', 'shell' or"
                + " 'watch' (exit code 6): do not send it again. With --no-queue it is discarded instead (exit code 6 too)."})
final class SendCommand extends CommandBase {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message (words are joined with spaces).")
    List<String> words;

    @Option(names = "--no-queue", description = "If the server cannot take the message now, discard it instead of keeping it"
            + " for the next 'sync' (for scripts that retry by themselves).")
    boolean noQueue;

    @Override
    public Integer call() {
        signedIn();
        ConfabClient client = client();
        String peer = client.contacts().contactId(username);
        String text = String.join(" ", words);
        if (root.inShell()) {
            return sendLive(client, peer, text);
        }
        client.keys().refresh(peer);
        ChatMessage message = client.chat().send(peer, text);
        ChatService.FlushResult flushed = client.chat().flushOutbox();
        if (flushed.failures().containsKey(message.messageId())) {
            throw flushed.failures().get(message.messageId());
        }
        warnAboutOwnDevices();
        ChatMessage now = client.chat().message(message.senderUserId(), message.messageId()).orElse(message);
        if (now.state() == MessageState.SENDING && noQueue
                && client.chat().discard(now.messageId(), "Not sent: the server could not take it, and --no-queue discarded it.").isPresent()) {
            ChatMessage discarded = client.chat().message(now.senderUserId(), now.messageId()).orElse(now);
            out().result("NOT sent to " + username + ": the server could not take it now, and --no-queue discarded it."
                    + " Nothing was queued.", json(discarded, false));
            return ExitCodes.UNREACHABLE;
        }
        if (now.state() == MessageState.SENDING) {
            String why = now.problem() != null ? now.problem() : "the server could not take it now.";
            out().result("Queued for " + username + ", not sent yet: " + why + " It stays in this profile and the next"
                    + " 'confab sync' (or 'shell' or 'watch') sends it; do not send it again.", json(now, true));
            return ExitCodes.UNREACHABLE;
        }
        out().result("Sent to " + username + ".", json(now, false));
        return ExitCodes.OK;
    }

    /** In the shell the live client sends by itself; --no-queue there means: only while connected. */
    private int sendLive(ConfabClient client, String peer, String text) {
        if (noQueue && !client.connection().connected()) {
            throw ApiException.disconnected(); // nothing composed, nothing queued
        }
        ChatMessage message = client.send(peer, text);
        out().result(client.connection().connected() ? null
                : "Not connected: the message is queued and goes out once the connection is back.", json(message, true));
        return ExitCodes.OK;
    }

    private Map<String, Object> json(ChatMessage m, boolean queued) {
        return Printer.obj("messageId", m.messageId(), "to", username, "state", m.state().name().toLowerCase(Locale.ROOT),
                "queued", m.state() == MessageState.SENDING ? queued : null,
                "serverTimestamp", m.serverTimestamp() > 0 ? m.serverTimestamp() : null);
    }
}
