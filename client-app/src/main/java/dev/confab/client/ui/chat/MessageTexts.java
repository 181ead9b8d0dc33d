package dev.confab.client.ui.chat;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Turns stored messages into what a conversation shows: bubbles with their time and state texts, and notification
 * previews. Times are shown in the system's time zone; "today" is judged by the client's clock. Immutable; safe
 * from any thread.
 */
final class MessageTexts {
    static final String UNOPENED = "This message could not be opened.";
    private static final int PREVIEW_CHARS = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MMM d, HH:mm", Locale.ENGLISH);

    private final Clock clock;
    private final ZoneId zone = ZoneId.systemDefault();

    MessageTexts(Clock clock) {
        this.clock = clock;
    }

    MessageItem item(ChatMessage m) {
        String text = m.undecryptable() ? UNOPENED : m.text();
        String stateText = m.outgoing() ? m.state().name().toLowerCase(Locale.ROOT) : "";
        return new MessageItem(key(m), text, time(m.composedAt()), m.outgoing(), m.state(), stateText, m.problem(),
                m.unverifiedSender(), m.undecryptable());
    }

    private String time(long at) {
        ZonedDateTime when = Instant.ofEpochMilli(at).atZone(zone);
        LocalDate today = Instant.ofEpochMilli(clock.millis()).atZone(zone).toLocalDate();
        return (when.toLocalDate().equals(today) ? TIME : DAY_TIME).format(when);
    }

    /** What identifies a message within its conversation: message ids are chosen by each sender. */
    static String key(ChatMessage m) {
        return m.senderUserId() + "/" + m.messageId();
    }

    /**
     * Whether moving from {@code shown} to {@code next} goes back (read to delivered, say): a change reported
     * before the history was read can arrive after it, and must not undo what the history showed.
     */
    static boolean goesBack(MessageState shown, MessageState next) {
        return progress(next) >= 0 && progress(next) < progress(shown);
    }

    private static int progress(MessageState state) {
        return switch (state) {
            case SENT -> 1;
            case DELIVERED -> 2;
            case READ -> 3;
            case RECEIVED -> 0; // incoming: RECEIVED, then READ
            case SENDING, FAILED -> -1; // a held message goes FAILED to SENDING when its keys are trusted
        };
    }

    /** An incoming message not read yet. */
    static boolean unread(MessageItem item) {
        return !item.outgoing() && item.state() == MessageState.RECEIVED;
    }

    /** The start of the text on one line, for a notification. */
    static String preview(ChatMessage m) {
        if (m.undecryptable()) {
            return UNOPENED;
        }
        String line = m.text().replaceAll("\\s+", " ").strip();
        return line.length() <= PREVIEW_CHARS ? line : line.substring(0, PREVIEW_CHARS - 1) + "…";
    }
}
