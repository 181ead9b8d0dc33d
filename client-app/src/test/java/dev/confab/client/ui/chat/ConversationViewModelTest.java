package dev.confab.client.ui.chat;

import static dev.confab.client.e2e.E2E.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confab.client.core.chat.MessageState;
import dev.confab.client.e2e.E2E;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.contacts.UiThread;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConversationViewModelTest {
    @RegisterExtension
    static final Friends friends = Friends.onServer(b -> b.set("limits.register-per-address", "100/1h"));

    /** One notification the view-model asked for. */
    record Notice(String fromName, String preview, String peerUserId) {}

    private final UiThread ui = new UiThread();
    private final List<ConversationViewModel> models = new ArrayList<>();
    private final List<Notice> notices = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeModels() {
        models.forEach(m -> ui.run(m::close));
        ui.close();
    }

    private ConversationViewModel open(TestUser user, TestUser peer, int pageSize, boolean focused) {
        ConversationViewModel model = ui.call(() -> {
            ConversationViewModel m = new ConversationViewModel(user.client, ui.executors(), peer.userId(),
                    (from, preview, peerId) -> notices.add(new Notice(from, preview, peerId)), pageSize);
            m.windowFocusedProperty().set(focused);
            return m;
        });
        models.add(model);
        eventually().until(() -> !ui.call(() -> model.loadingProperty().get()));
        return model;
    }

    private List<MessageItem> messages(ConversationViewModel model) {
        return ui.call(() -> List.copyOf(model.messages()));
    }

    private List<String> texts(ConversationViewModel model) {
        return messages(model).stream().map(MessageItem::text).toList();
    }

    private void type(ConversationViewModel model, String text) {
        ui.run(() -> model.draftProperty().set(text));
    }

    @Test
    void aSentMessageShowsItsStateUntilThePeerReadsIt() {
        ConversationViewModel alices = open(friends.alice(), friends.bob(), 50, true);
        assertEquals("bob", ui.call(() -> alices.titleProperty().get()));
        assertEquals("online", ui.call(() -> alices.statusTextProperty().get()));

        type(alices, "  hello bob\n");
        ui.run(alices::send);
        assertEquals("", ui.call(() -> alices.draftProperty().get()));
        eventually().until(() -> texts(alices).contains("hello bob"));
        eventually().until(() -> messages(alices).getLast().stateText().equals("delivered"));
        MessageItem sent = messages(alices).getLast();
        assertTrue(sent.outgoing());
        assertTrue(sent.timeText().matches("\\d\\d:\\d\\d"), sent.timeText());

        ConversationViewModel bobs = open(friends.bob(), friends.alice(), 50, true);
        eventually().until(() -> texts(bobs).contains("hello bob"));
        eventually().until(() -> messages(alices).getLast().state() == MessageState.READ);
        assertEquals("read", messages(alices).getLast().stateText());
        assertEquals(List.of(), notices);
    }

    @Test
    void aBlankDraftIsNotSent() {
        ConversationViewModel alices = open(friends.alice(), friends.bob(), 50, true);
        int before = messages(alices).size();
        type(alices, " \n ");
        ui.run(alices::send);
        assertEquals(" \n ", ui.call(() -> alices.draftProperty().get()));
        assertEquals(before, messages(alices).size());
    }

    @Test
    void aMessageThatCannotBeSentSaysWhyAndKeepsTheText() {
        ConversationViewModel toSelf = open(friends.alice(), friends.alice(), 50, true);
        type(toSelf, "note to self");
        ui.run(toSelf::send);
        eventually().until(() -> ui.call(() -> toSelf.problemProperty().get()) != null);
        assertEquals("You cannot send a message to yourself.", ui.call(() -> toSelf.problemProperty().get()));
        assertEquals("note to self", ui.call(() -> toSelf.draftProperty().get()));
    }

    @Test
    void historyOpensAtTheNewestPageAndLoadsEarlierOnesOnTop() {
        TestUser carol = friends.register("carol");
        TestUser dave = friends.register("dave");
        E2E.befriend(carol, dave);
        IntStream.rangeClosed(1, 7).forEach(i -> carol.send(dave, "m" + i));
        eventually().until(() -> dave.client.chat().history(carol.userId(), null, 10).messages().size() == 7);

        ConversationViewModel daves = open(dave, carol, 3, false);
        assertEquals(List.of("m5", "m6", "m7"), texts(daves));
        assertTrue(ui.call(() -> daves.hasEarlierProperty().get()));

        ui.run(daves::loadEarlier);
        eventually().until(() -> texts(daves).size() == 6);
        assertEquals(List.of("m2", "m3", "m4", "m5", "m6", "m7"), texts(daves));
        ui.run(daves::loadEarlier);
        eventually().until(() -> texts(daves).size() == 7);
        assertEquals("m1", texts(daves).getFirst());
        assertFalse(ui.call(() -> daves.hasEarlierProperty().get()));
    }

    @Test
    void theDraftSurvivesClosingAndReopening() {
        ConversationViewModel first = open(friends.bob(), friends.alice(), 50, true);
        type(first, "half a thought");
        ui.run(first::close);

        ConversationViewModel second = open(friends.bob(), friends.alice(), 50, true);
        eventually().until(() -> "half a thought".equals(ui.call(() -> second.draftProperty().get())));
        type(second, "");
        ui.run(second::close);
        assertTrue(friends.bob().client.chat().draft(friends.alice().userId()).orElse("").isEmpty());
    }

    @Test
    void incomingMessagesAreReadOnlyWhileTheWindowIsFocused() {
        TestUser erin = friends.register("erin");
        TestUser fred = friends.register("fred");
        E2E.befriend(erin, fred);
        ConversationViewModel freds = open(fred, erin, 50, false);

        erin.send(fred, "are you there?");
        eventually().until(() -> texts(freds).contains("are you there?") && notices.size() == 1);
        assertEquals(new Notice("erin", "are you there?", erin.userId()), notices.getFirst());
        assertEquals(MessageState.RECEIVED, messages(freds).getLast().state());
        assertEquals(1, fred.client.chat().conversations().getFirst().unread());

        ui.run(() -> freds.windowFocusedProperty().set(true));
        eventually().until(() -> messages(freds).getLast().state() == MessageState.READ);
        assertEquals(0, fred.client.chat().conversations().getFirst().unread());

        erin.send(fred, "good");
        eventually().until(() -> texts(freds).contains("good") && messages(freds).getLast().state() == MessageState.READ);
        assertEquals(1, notices.size(), "no notification for a message the user sees");

        ui.run(() -> freds.shownProperty().set(false));
        erin.send(fred, "hello?\nanyone");
        eventually().until(() -> notices.size() == 2);
        assertEquals(new Notice("erin", "hello? anyone", erin.userId()), notices.get(1));
        assertEquals(MessageState.RECEIVED, messages(freds).getLast().state());
    }

    @Test
    void messagesInConversationsThatAreNotOpenAreAnnounced() {
        TestUser gus = friends.register("gus");
        E2E.befriend(gus, friends.alice());
        ClosedConversationAlerts alerts = ui.call(() -> {
            ClosedConversationAlerts a = new ClosedConversationAlerts(friends.alice().client, ui.executors(),
                    (from, preview, peerId) -> notices.add(new Notice(from, preview, peerId)));
            a.openPeerUserIdProperty().set(friends.bob().userId());
            return a;
        });
        try {
            gus.send(friends.alice(), "psst");
            eventually().until(() -> notices.size() == 1);
            assertEquals(new Notice("gus", "psst", gus.userId()), notices.getFirst());

            friends.bob().send(friends.alice(), "in the open conversation");
            eventually().until(() -> friends.alice().client.chat().history(friends.bob().userId(), null, 1).messages()
                    .stream().anyMatch(m -> "in the open conversation".equals(m.text())));
            gus.send(friends.alice(), "again");
            eventually().until(() -> notices.size() == 2);
            assertEquals("again", notices.get(1).preview(), "the open conversation's message is left to its view-model");
        } finally {
            ui.run(alerts::close);
        }
    }
}
