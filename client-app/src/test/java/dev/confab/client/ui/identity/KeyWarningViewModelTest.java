package dev.confab.client.ui.identity;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.keys.KeyChange;
import dev.confab.client.e2e.E2E;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.UiExecutors;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The key warning against the real server: a contact signs in on a new device, the warning shows, trusting ends it. */
class KeyWarningViewModelTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();
    @RegisterExtension
    static final UiThread UI = new UiThread();
    private static final UiExecutors RUN = UI.executors();

    @Test
    void aNewDeviceOfTheContactIsAWarningUntilTheUserTrustsIt() {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        try (KeyWarningViewModel model = new KeyWarningViewModel(alice.client, RUN, bob.userId())) {
            UI.run(model::start);
            eventually().until(() -> alice.client.keys().known(bob.userId()));
            assertThat(UI.get(() -> model.warningProperty().get())).isEmpty();

            friends.signIn("bob-phone", "bob");

            eventually().until(() -> !UI.get(() -> model.warningProperty().get()).isEmpty());
            assertThat(UI.get(() -> model.warningProperty().get()))
                    .isEqualTo("bob has a new device, so the safety number changed. Compare it before you call or send a message.");
            assertThat(UI.get(() -> model.canAcceptProperty().get())).isTrue();

            UI.run(model::accept);

            eventually().until(() -> UI.get(() -> model.warningProperty().get()).isEmpty());
            assertThat(alice.client.keys().pendingChanges(bob.userId())).isEmpty();
            assertThat(UI.get(() -> model.problemProperty().get())).isEmpty();
        }
    }

    @Test
    void aWarningFoundBeforeTheScreenOpensShowsAtOnce() {
        TestUser alice = friends.alice();
        TestUser dave = friends.register("dave");
        E2E.befriend(alice, dave);
        alice.client.keys().refresh(dave.userId());
        friends.signIn("dave-laptop", "dave");
        alice.client.keys().refresh(dave.userId());
        assertThat(alice.client.keys().pendingChanges(dave.userId())).hasSize(1);

        try (KeyWarningViewModel model = new KeyWarningViewModel(alice.client, RUN, dave.userId())) {
            UI.run(model::start);
            eventually().until(() -> UI.get(() -> model.warningProperty().get()).startsWith("dave has a new device"));
        }
    }

    @Test
    void theSentenceSaysWhatChanged() {
        KeyChange changed = new KeyChange("u1", "d1", KeyChange.Kind.IDENTITY_CHANGED, "old", "new", 0, false);
        KeyChange invalid = new KeyChange("u1", "d2", KeyChange.Kind.INVALID_SIGNATURE, null, "bad", 0, false);

        assertThat(KeyWarningViewModel.text("alice", List.of(changed, invalid)))
                .isEqualTo("alice's safety number changed. Compare it before you call or send a message.");
        assertThat(KeyWarningViewModel.text("alice", List.of(invalid))).contains("fails its check");
        assertThat(KeyWarningViewModel.text("alice", List.of())).isEmpty();
    }
}
