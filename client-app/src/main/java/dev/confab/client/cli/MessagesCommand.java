package dev.confab.client.cli;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.HistoryPage;
import dev.confab.client.core.chat.MessageState;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code confab messages <username>}: fetches new messages, shows the conversation (oldest of the page first) with
 * delivery and read state, and marks it read.
 */
@Command(name = "messages", description = "Show a conversation (fetching new messages first) and mark it read.")
final class MessagesCommand extends CommandBase {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    @Parameters(paramLabel = "USERNAME")
    String username;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many messages (default ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--before", paramLabel = "CURSOR", description = "Show the page before this cursor (printed under a page).")
    String before;

    @Override
    public Integer call() {
        String me = signedIn().userId();
        if (!root.inShell()) {
            client().sync();
        }
        String peer = client().contacts().userId(username);
        HistoryPage page = client().chat().history(peer, before, limit);
        Printer out = out();
        List<ChatMessage> oldestFirst = page.messages().reversed();
        if (oldestFirst.isEmpty()) {
            out.say("No messages with " + username + " yet.");
        }
        for (ChatMessage m : oldestFirst) {
            out.say(line(m, m.senderUserId().equals(me)));
            out.object(Printer.obj("messageId", m.messageId(), "from", m.outgoing() ? "me" : username,
                    "outgoing", m.outgoing(), "text", m.text(), "state", m.state().name().toLowerCase(Locale.ROOT),
                    "composedAt", m.composedAt() > 0 ? m.composedAt() : null,
                    "serverTimestamp", m.serverTimestamp() > 0 ? m.serverTimestamp() : null,
                    "problem", m.problem(), "unverifiedSender", m.unverifiedSender() ? true : null, "cursor", m.cursor()));
        }
        if (page.nextBefore() != null) {
            out.say("Older messages: messages " + username + " --before " + page.nextBefore());
            out.object(Printer.obj("nextBefore", page.nextBefore()));
        }
        int read = client().chat().markRead(peer);
        if (read > 0) {
            client().flushSoon();
        }
        return ExitCodes.OK;
    }

    private String line(ChatMessage m, boolean mine) {
        long at = m.serverTimestamp() > 0 ? m.serverTimestamp() : m.composedAt();
        Instant instant = Instant.ofEpochMilli(at);
        boolean today = LocalDate.ofInstant(instant, ZoneId.systemDefault()).equals(LocalDate.now());
        String time = at <= 0 ? "--:--" : today ? TIME.format(instant) : DAY.format(instant);
        String who = mine ? "you" : username;
        String body = m.text() != null ? m.text() : "[" + (m.problem() == null ? "could not be decrypted" : m.problem()) + "]";
        String state = mine ? "  (" + label(m) + ")" : m.unverifiedSender() ? "  (from an untrusted key)" : "";
        return "[" + time + "] " + who + ": " + body + state;
    }

    private static String label(ChatMessage m) {
        if (m.state() == MessageState.FAILED || (m.state() == MessageState.SENDING && m.problem() != null)) {
            return m.state().name().toLowerCase(Locale.ROOT) + ": " + m.problem();
        }
        return m.state().name().toLowerCase(Locale.ROOT);
    }
}
