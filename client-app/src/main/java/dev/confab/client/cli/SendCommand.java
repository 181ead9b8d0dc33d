package dev.confab.client.cli;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.ChatService;
import dev.confab.client.core.chat.MessageState;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code confab send <username> <text...>}: sends an end-to-end encrypted message to a contact. */
@Command(name = "send", description = "Send an end-to-end encrypted message to a contact.")
final class SendCommand extends CommandBase {
    @Parameters(index = "0", paramLabel = "USERNAME")
    String username;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "TEXT", description = "The message (words are joined with spaces).")
    List<String> words;

    @Override
    public Integer call() {
        signedIn();
        ConfabClient client = client();
        String peer = client.contacts().contactId(username);
        String text = String.join(" ", words);
        if (root.inShell()) {
            ChatMessage message = client.send(peer, text);
            out().result(client.connection().connected() ? null : "Not connected: the message waits and goes out once the connection is back.",
                    json(message));
            return ExitCodes.OK;
        }
        client.keys().refresh(peer);
        ChatMessage message = client.chat().send(peer, text);
        ChatService.FlushResult flushed = client.chat().flushOutbox();
        if (flushed.failures().containsKey(message.messageId())) {
            throw flushed.failures().get(message.messageId());
        }
        ChatMessage now = client.chat().message(message.senderUserId(), message.messageId()).orElse(message);
        if (now.state() == MessageState.SENDING) {
            out().result("Queued for " + username + ": the server could not take it now; 'confab sync' sends it later.", json(now));
            return ExitCodes.UNREACHABLE;
        }
        out().result("Sent to " + username + ".", json(now));
        return ExitCodes.OK;
    }

    private java.util.Map<String, Object> json(ChatMessage m) {
        return Printer.obj("messageId", m.messageId(), "to", username, "state", m.state().name().toLowerCase(java.util.Locale.ROOT),
                "serverTimestamp", m.serverTimestamp() > 0 ? m.serverTimestamp() : null);
    }
}
