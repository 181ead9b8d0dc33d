package dev.confab.client.ui.contacts;

import static dev.confab.client.e2e.E2E.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.confab.client.e2e.E2E;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.protocol.PresenceState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ContactListViewModelTest {
    @RegisterExtension
    static final Friends friends = Friends.onServer(b -> b.set("limits.register-per-address", "100/1h"));

    private final UiThread ui = new UiThread();
    private final List<ContactListViewModel> models = new ArrayList<>();

    @AfterEach
    void closeModels() {
        models.forEach(m -> ui.run(m::close));
        ui.close();
    }

    private ContactListViewModel modelOf(TestUser user) {
        ContactListViewModel model = ui.call(() -> new ContactListViewModel(user.client, ui.executors()));
        models.add(model);
        return model;
    }

    private Optional<ContactItem> item(ContactListViewModel model, TestUser contact) {
        return ui.call(() -> model.contacts().stream().filter(i -> i.username().equals(contact.username)).findFirst());
    }

    private String status(ContactListViewModel model, TestUser contact) {
        return item(model, contact).map(ContactItem::statusText).orElse(null);
    }

    private List<String> names(ContactListViewModel model) {
        return ui.call(() -> model.contacts().stream().map(ContactItem::username).toList());
    }

    private List<RequestItem> requests(ContactListViewModel model) {
        return ui.call(() -> List.copyOf(model.requests()));
    }

    @Test
    void statusTextFollowsTheContactsChosenPresence() {
        TestUser carol = friends.register("carol");
        TestUser dave = friends.register("dave");
        E2E.befriend(carol, dave);
        ContactListViewModel carols = modelOf(carol);
        ContactListViewModel daves = modelOf(dave);
        eventually().until(() -> "online".equals(status(carols, dave)));

        ui.run(() -> daves.choosePresence(PresenceState.BUSY));
        eventually().until(() -> "busy".equals(status(carols, dave)));
        assertEquals(PresenceState.BUSY, ui.call(() -> daves.ownPresenceProperty().get()));

        ui.run(() -> daves.choosePresence(PresenceState.AWAY));
        eventually().until(() -> "away".equals(status(carols, dave)));

        dave.close();
        eventually().until(() -> String.valueOf(status(carols, dave)).startsWith("offline, last seen "));
    }

    @Test
    void presenceChosenBeforeTheListLoadedIsKept() {
        TestUser opal = friends.register("opal");
        E2E.befriend(opal, friends.alice());
        List<Runnable> held = new CopyOnWriteArrayList<>();
        UiExecutors heldBackground = new UiExecutors(ui.executors().ui(), held::add);
        ContactListViewModel opals = ui.call(() -> {
            ContactListViewModel model = new ContactListViewModel(opal.client, heldBackground);
            model.choosePresence(PresenceState.BUSY);
            return model;
        });
        models.add(opals);
        // The first load reads the remembered presence before the choice is stored, as it can on a busy machine.
        List.copyOf(held).forEach(Runnable::run);
        eventually().until(() -> names(opals).contains("alice"));
        assertEquals(PresenceState.BUSY, ui.call(() -> opals.ownPresenceProperty().get()));
    }

    @Test
    void everyStatusIsUnknownWhileThisClientIsOffline() {
        TestUser erin = friends.register("erin");
        E2E.befriend(erin, friends.alice());
        ContactListViewModel erins = modelOf(erin);
        eventually().until(() -> "online".equals(status(erins, friends.alice())) && ui.call(() -> erins.connectedProperty().get()));

        erin.client.stop();
        eventually().until(() -> "unknown".equals(status(erins, friends.alice())) && !ui.call(() -> erins.connectedProperty().get()));

        erin.client.start();
        eventually().until(() -> "online".equals(status(erins, friends.alice())));
    }

    @Test
    void searchShowsContactsWhoseNameContainsTheText() {
        TestUser fred = friends.register("fred");
        E2E.befriend(fred, friends.alice());
        E2E.befriend(fred, friends.bob());
        ContactListViewModel freds = modelOf(fred);
        eventually().until(() -> names(freds).equals(List.of("alice", "bob")));

        ui.run(() -> freds.searchProperty().set("BO"));
        assertEquals(List.of("bob"), names(freds));
        ui.run(() -> freds.searchProperty().set("zz"));
        assertEquals(List.of(), names(freds));
        ui.run(() -> freds.searchProperty().set(" "));
        assertEquals(List.of("alice", "bob"), names(freds));
    }

    @Test
    void onlineContactsComeBeforeOfflineOnes() {
        TestUser gina = friends.register("gina");
        TestUser abe = friends.register("abe");
        E2E.befriend(gina, abe);
        E2E.befriend(gina, friends.bob());
        ContactListViewModel ginas = modelOf(gina);
        eventually().until(() -> names(ginas).equals(List.of("abe", "bob")));
        abe.close();
        eventually().until(() -> names(ginas).equals(List.of("bob", "abe")));
    }

    @Test
    void addingSomeoneWhoCannotBeAskedSaysWhy() {
        ContactListViewModel alices = modelOf(friends.alice());
        eventually().until(() -> names(alices).contains("bob"));

        assertEquals("Type the username of the person to add.", attemptAdd(alices, "  "));
        assertEquals("That is you: type the username of someone else.", attemptAdd(alices, "Alice"));
        assertEquals("bob is one of your contacts already.", attemptAdd(alices, "bob"));
        assertEquals("Nobody is called 'nobody42' on this server. Check the spelling.", attemptAdd(alices, "nobody42"));
    }

    private String attemptAdd(ContactListViewModel model, String username) {
        ui.run(() -> {
            model.addUsernameProperty().set(username);
            model.sendRequest();
        });
        eventually().until(() -> !ui.call(() -> model.busyProperty().get()));
        return ui.call(() -> model.addProblemProperty().get());
    }

    @Test
    void aRequestCanBeAcceptedDeclinedOrCancelled() {
        TestUser hank = friends.register("hank");
        TestUser ivy = friends.register("ivy");
        TestUser jack = friends.register("jack");
        ContactListViewModel hanks = modelOf(hank);
        ContactListViewModel ivys = modelOf(ivy);
        ContactListViewModel jacks = modelOf(jack);

        ui.run(() -> {
            hanks.addUsernameProperty().set("ivy");
            hanks.addMessageProperty().set("it is hank");
            hanks.sendRequest();
        });
        eventually().until(() -> requests(ivys).size() == 1 && requests(hanks).size() == 1
                && ui.call(() -> hanks.addNoticeProperty().get()) != null);
        RequestItem toIvy = requests(ivys).getFirst();
        assertEquals(new RequestItem(toIvy.requestId(), true, "hank", "hank", "it is hank", "hank wants to be your contact"), toIvy);
        assertEquals("Waiting for ivy to answer", requests(hanks).getFirst().text());
        assertEquals("Request sent to ivy.", ui.call(() -> hanks.addNoticeProperty().get()));
        assertEquals("", ui.call(() -> hanks.addUsernameProperty().get()));

        ui.run(() -> ivys.accept(toIvy));
        eventually().until(() -> names(ivys).contains("hank") && names(hanks).contains("ivy"));
        eventually().until(() -> requests(ivys).isEmpty() && requests(hanks).isEmpty());

        ui.run(() -> {
            hanks.addUsernameProperty().set("jack");
            hanks.sendRequest();
        });
        eventually().until(() -> requests(jacks).size() == 1);
        RequestItem fromHank = requests(jacks).getFirst();
        ui.run(() -> jacks.decline(fromHank));
        eventually().until(() -> requests(jacks).isEmpty() && requests(hanks).isEmpty());
        assertEquals(List.of(), names(jacks));

        ui.run(() -> {
            ivys.addUsernameProperty().set("jack");
            ivys.sendRequest();
        });
        eventually().until(() -> requests(jacks).size() == 1 && requests(ivys).size() == 1);
        RequestItem toJack = requests(ivys).getFirst();
        ui.run(() -> ivys.cancel(toJack));
        eventually().until(() -> requests(jacks).isEmpty() && requests(ivys).isEmpty());
        assertNull(ui.call(() -> ivys.problemProperty().get()));
    }

    @Test
    void aContactCanBeBlockedUnblockedAndRemoved() {
        TestUser kate = friends.register("kate");
        TestUser liam = friends.register("liam");
        E2E.befriend(kate, liam);
        ContactListViewModel kates = modelOf(kate);
        ContactListViewModel liams = modelOf(liam);
        eventually().until(() -> item(kates, liam).isPresent());

        ContactItem toBlock = item(kates, liam).orElseThrow();
        ui.run(() -> kates.block(toBlock));
        eventually().until(() -> item(kates, liam).map(i -> i.blocked() && i.statusText().equals("blocked")).orElse(false));

        ContactItem toUnblock = item(kates, liam).orElseThrow();
        ui.run(() -> kates.unblock(toUnblock));
        eventually().until(() -> item(kates, liam).map(i -> !i.blocked() && i.statusText().equals("online")).orElse(false));

        ContactItem toRemove = item(kates, liam).orElseThrow();
        ui.run(() -> kates.remove(toRemove));
        eventually().until(() -> item(kates, liam).isEmpty() && item(liams, kate).isEmpty());
        assertNull(ui.call(() -> kates.problemProperty().get()));
    }

    @Test
    void unreadCountsFollowMessagesAndReading() {
        TestUser mia = friends.register("mia");
        TestUser ned = friends.register("ned");
        E2E.befriend(mia, ned);
        ContactListViewModel mias = modelOf(mia);
        eventually().until(() -> item(mias, ned).map(ContactItem::unread).orElse(-1) == 0);

        ned.send(mia, "one");
        ned.send(mia, "two");
        eventually().until(() -> item(mias, ned).map(ContactItem::unread).orElse(-1) == 2);

        mia.client.chat().markRead(ned.userId());
        eventually().until(() -> item(mias, ned).map(ContactItem::unread).orElse(-1) == 0);
    }

    @Test
    void openingAContactSelectsItAndNamesTheConversation() {
        ContactListViewModel alices = modelOf(friends.alice());
        eventually().until(() -> item(alices, friends.bob()).isPresent());
        ContactItem bob = item(alices, friends.bob()).orElseThrow();
        ui.run(() -> alices.open(bob));
        assertEquals(friends.bob().userId(), ui.call(() -> alices.openedUserIdProperty().get()));
        assertEquals(bob, ui.call(() -> alices.selectedProperty().get()));
    }
}
