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

/**
 * The identity view-models against the real server: both sides see the same safety number; a contact signing in on a
 * new device is a warning and a changed number until the user marks it verified or trusts it.
 */
class IdentityViewModelsTest {
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
            assertThat(UI.get(() -> atAlice.canMarkVerifiedProperty().get())).as("trusted on first use, not verified")
                    .isTrue();
            assertThat(atAlice.peerName()).isEqualTo("bob");

            UI.run(atAlice::markVerified);
            eventually().until(() -> UI.get(() -> atAlice.trustProperty().get()) == PeerTrust.VERIFIED);
            assertThat(UI.get(() -> atAlice.canMarkVerifiedProperty().get())).isFalse();
            assertThat(alice.client.keys().verified(bob.userId())).isTrue();
            assertThat(bob.client.keys().verified(alice.userId())).as("each side verifies for itself").isFalse();
        }
    }

    @Test
    void aNewDeviceChangesTheNumberAndMarkingItVerifiedTrustsIt() {
        TestUser alice = friends.alice();
        TestUser carol = friends.register("carol");
        E2E.befriend(alice, carol);
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

            eventually().until(() -> UI.get(() -> model.trustProperty().get()) == PeerTrust.VERIFIED);
            assertThat(UI.get(() -> model.canMarkVerifiedProperty().get())).isFalse();

            assertThat(alice.client.keys().pendingChanges(carol.userId())).isEmpty();

            friends.signIn("carol-tablet", "carol");
            alice.client.keys().refresh(carol.userId());
            eventually().until(() -> UI.get(() -> model.trustProperty().get()) == PeerTrust.NEW_DEVICE);
            assertThat(alice.client.keys().verified(carol.userId())).as("a new key undoes the verification").isFalse();
        }
    }

    @Test
    void readingGroupsFourGroupsALine() {
        assertThat(SafetyNumberViewModel.grouped("11111 22222 33333 44444 55555 66666"))
                .isEqualTo("11111 22222 33333 44444\n55555 66666");
    }

    @Test
    void aNewDeviceOfTheContactIsAWarningUntilTheUserTrustsIt() {
        TestUser alice = friends.alice();
        TestUser ivan = friends.register("ivan");
        E2E.befriend(alice, ivan);
        try (KeyWarningViewModel model = new KeyWarningViewModel(alice.client, RUN, ivan.userId())) {
            UI.run(model::start);
            eventually().until(() -> alice.client.keys().known(ivan.userId()));
            assertThat(UI.get(() -> model.warningProperty().get())).isEmpty();

            friends.signIn("ivan-phone", "ivan");

            eventually().until(() -> !UI.get(() -> model.warningProperty().get()).isEmpty());
            assertThat(UI.get(() -> model.warningProperty().get()))
                    .isEqualTo("ivan has a new device, so the safety number changed. Compare it before you call or send a message.");
            assertThat(UI.get(() -> model.canAcceptProperty().get())).isTrue();

            UI.run(model::accept);

            eventually().until(() -> UI.get(() -> model.warningProperty().get()).isEmpty());
            assertThat(alice.client.keys().pendingChanges(ivan.userId())).isEmpty();
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
