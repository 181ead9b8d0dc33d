package dev.confab.client.ui.contacts;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.protocol.rest.UserSummary;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The blocked people against the real server: strangers too, blocks made elsewhere, unblocking, a failure in words. */
class BlockedPeopleViewModelTest {
    @RegisterExtension
    static final Friends friends = Friends.onServer(b -> b.set("limits.register-per-address", "100/1h"));

    private final UiThread ui = new UiThread();
    private final List<BlockedPeopleViewModel> models = new ArrayList<>();

    @AfterEach
    void closeModels() {
        models.forEach(m -> ui.run(m::close));
        ui.close();
    }

    private BlockedPeopleViewModel modelOf(TestUser user) {
        BlockedPeopleViewModel model = ui.call(() -> new BlockedPeopleViewModel(user.client, ui.executors()));
        models.add(model);
        return model;
    }

    private List<String> usernames(BlockedPeopleViewModel model) {
        return ui.call(() -> model.people().stream().map(BlockedPerson::username).toList());
    }

    @Test
    void aStrangerBlockedIsListedAndUnblockingLetsThemBack() {
        TestUser mona = friends.register("mona");
        TestUser nick = friends.register("nick");
        mona.client.contacts().block("nick");
        BlockedPeopleViewModel monas = modelOf(mona);
        assertThat(usernames(monas)).containsExactly("nick");

        BlockedPerson listed = ui.call(() -> monas.people().getFirst());
        ui.run(() -> monas.unblock(listed));

        eventually().until(() -> usernames(monas).isEmpty() && !ui.call(() -> monas.busyProperty().get()));
        assertThat(mona.client.contacts().blocked()).isEmpty();
        assertThat(ui.call(() -> monas.problemProperty().get())).isEmpty();
        assertThat(nick.client.contacts().blocked()).isEmpty();
    }

    @Test
    void aBlockMadeElsewhereInTheAppShowsUpByName() {
        TestUser olive = friends.register("olive");
        friends.register("pete");
        friends.register("quinn");
        BlockedPeopleViewModel olives = modelOf(olive);
        assertThat(usernames(olives)).isEmpty();

        olive.client.contacts().block("quinn");
        olive.client.contacts().block("pete");

        eventually().until(() -> usernames(olives).equals(List.of("pete", "quinn")));
        assertThat(olive.client.contacts().blocked()).extracting(UserSummary::username)
                .containsExactlyInAnyOrder("pete", "quinn");
    }

    @Test
    void anUnblockingThatFailsSaysSoInASentenceAndKeepsThePerson() {
        TestUser rita = friends.register("rita");
        friends.register("sam");
        rita.client.contacts().block("sam");
        BlockedPeopleViewModel ritas = modelOf(rita);
        BlockedPerson sam = ui.call(() -> ritas.people().getFirst());
        rita.client.api().logout();

        ui.run(() -> ritas.unblock(sam));

        eventually().until(() -> !ui.call(() -> ritas.problemProperty().get()).isEmpty());
        assertThat(ui.call(() -> ritas.problemProperty().get())).doesNotContain("Exception", "\tat ");
        assertThat(usernames(ritas)).containsExactly("sam");
    }
}
