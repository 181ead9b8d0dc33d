package dev.confab.client.ui.identity;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.UiExecutors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The safety number screen against the real server: both sides see the same digits; a new device is settled by verifying. */
class SafetyNumberViewModelTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();
    @RegisterExtension
    static final UiThread UI = new UiThread();
    private static final UiExecutors RUN = UI.executors();

    @Test
    void bothSidesSeeTheSameNumberInGroupsAndATrustedContact() {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        try (SafetyNumberViewModel atAlice = new SafetyNumberViewModel(alice.client, RUN, bob.userId());
                SafetyNumberViewModel atBob = new SafetyNumberViewModel(bob.client, RUN, alice.userId())) {
            UI.run(atAlice::start);
            UI.run(atBob::start);

            eventually().until(() -> !UI.get(() -> atAlice.safetyNumberProperty().get()).isEmpty()
                    && !UI.get(() -> atBob.safetyNumberProperty().get()).isEmpty());
            String number = UI.get(() -> atAlice.safetyNumberProperty().get());
            assertThat(number).isEqualTo(UI.get(() -> atBob.safetyNumberProperty().get()));
            assertThat(number).matches("(\\d{5} \\d{5} \\d{5} \\d{5}\\n){2}\\d{5} \\d{5} \\d{5} \\d{5}");
            assertThat(number.replaceAll("\\s", "")).isEqualTo(alice.client.keys().safetyNumber(bob.userId()).replace(" ", ""));
            assertThat(UI.get(() -> atAlice.trustProperty().get())).isEqualTo(PeerTrust.TRUSTED);
            assertThat(UI.get(() -> atAlice.canMarkVerifiedProperty().get())).isFalse();
            assertThat(atAlice.peerName()).isEqualTo("bob");
        }
    }

    @Test
    void aNewDeviceChangesTheNumberAndMarkingItVerifiedTrustsIt() {
        TestUser alice = friends.alice();
        TestUser carol = friends.register("carol");
        dev.confab.client.e2e.E2E.befriend(alice, carol);
        try (SafetyNumberViewModel model = new SafetyNumberViewModel(alice.client, RUN, carol.userId())) {
            UI.run(model::start);
            eventually().until(() -> UI.get(() -> model.trustProperty().get()) == PeerTrust.TRUSTED);
            String before = UI.get(() -> model.safetyNumberProperty().get());

            friends.signIn("carol-phone", "carol");
            alice.client.keys().refresh(carol.userId());

            eventually().until(() -> UI.get(() -> model.trustProperty().get()) == PeerTrust.NEW_DEVICE);
            assertThat(UI.get(() -> model.canMarkVerifiedProperty().get())).isTrue();
            assertThat(UI.get(() -> model.safetyNumberProperty().get())).isNotEqualTo(before);

            UI.run(model::markVerified);

            eventually().until(() -> UI.get(() -> model.trustProperty().get()) == PeerTrust.TRUSTED);
            assertThat(UI.get(() -> model.canMarkVerifiedProperty().get())).isFalse();
            assertThat(alice.client.keys().pendingChanges(carol.userId())).isEmpty();
        }
    }

    @Test
    void readingGroupsFourGroupsALine() {
        assertThat(SafetyNumberViewModel.grouped("11111 22222 33333 44444 55555 66666"))
                .isEqualTo("11111 22222 33333 44444\n55555 66666");
    }
}
