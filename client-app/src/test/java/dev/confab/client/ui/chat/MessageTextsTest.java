package dev.confab.client.ui.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.core.chat.MessageState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MessageTextsTest {
    @Test
    void aLateChangeNeverTakesAMessageBack() {
        assertTrue(MessageTexts.goesBack(MessageState.READ, MessageState.DELIVERED));
        assertTrue(MessageTexts.goesBack(MessageState.DELIVERED, MessageState.SENT));
        assertTrue(MessageTexts.goesBack(MessageState.READ, MessageState.RECEIVED));
        assertFalse(MessageTexts.goesBack(MessageState.SENT, MessageState.READ));
        assertFalse(MessageTexts.goesBack(MessageState.SENDING, MessageState.SENT));
        assertFalse(MessageTexts.goesBack(MessageState.FAILED, MessageState.SENDING), "a held message is sent again");
        assertFalse(MessageTexts.goesBack(MessageState.SENDING, MessageState.FAILED));
    }

    @Test
    void anUnopenedMessageSaysSoAndPreviewsFitOnOneLine() {
        ChatMessage unopened = new ChatMessage("m1", "p", false, "p", "d", null, 0, 0, MessageState.RECEIVED,
                "bad envelope", false, "1");
        MessageItem item = new MessageTexts(Clock.systemUTC()).item(unopened);
        assertTrue(item.undecryptable());
        assertEquals(MessageTexts.UNOPENED, item.text());
        assertEquals("bad envelope", item.problem());
        assertEquals(MessageTexts.UNOPENED, MessageTexts.preview(unopened));

        ChatMessage longText = new ChatMessage("m2", "p", false, "p", "d", "a\n b " + "x".repeat(200), 0, 0,
                MessageState.RECEIVED, null, false, "2");
        String preview = MessageTexts.preview(longText);
        assertEquals(100, preview.length());
        assertTrue(preview.startsWith("a b xx") && preview.endsWith("…"));
    }

    @Test
    void aMessageFromAnEarlierDayShowsItsDate() {
        ZoneId zone = ZoneId.systemDefault();
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        MessageTexts texts = new MessageTexts(Clock.fixed(now, zone));
        long twoDaysAgo = now.minusSeconds(2 * 86_400).toEpochMilli();
        ChatMessage old = new ChatMessage("m3", "p", true, "me", "d", "hi", twoDaysAgo, twoDaysAgo, MessageState.READ,
                null, false, "3");
        MessageItem item = texts.item(old);
        assertTrue(item.timeText().matches("[A-Z][a-z]{2} \\d{1,2}, \\d\\d:\\d\\d"), item.timeText());
        assertEquals("read", item.stateText());
    }
}
