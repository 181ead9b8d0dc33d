package dev.confab.client.ui.main;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.app.DesktopProfiles;
import dev.confab.client.ui.app.TestProfiles;
import dev.confab.client.ui.fx.UiExecutors;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @RegisterExtension
    final Friends friends = Friends.standard();

    @TempDir
    Path root;

    private final ExecutorService ui = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        ui.shutdownNow();
    }

    @Test
    void theBannerIsEmptyWhileConnectedSaysReconnectingWithTheReasonWhenTheServerGoesAndClearsWhenItIsBack() {
        DesktopProfiles profiles = TestProfiles.under(root);
        try (ConfabClient client = profiles.open("ivy", friends.server().baseUrl())) {
            client.account().register("ivy", TestUser.PASSWORD, null);
            client.start();
            MainViewModel model = new MainViewModel(client, new UiExecutors(ui, Runnable::run));
            eventually().until(() -> model.connectedProperty().get() && model.bannerProperty().get().isEmpty());
            assertThat(model.titleProperty().get()).isEqualTo("Confab — ivy");

            friends.server().kill();
            eventually().until(() -> model.bannerProperty().get().startsWith("Reconnecting to the server…"));
            assertThat(model.bannerProperty().get()).endsWith("Presence is unknown meanwhile.");
            assertThat(model.connectedProperty().get()).isFalse();

            friends.server().start();
            eventually().until(() -> model.connectedProperty().get() && model.bannerProperty().get().isEmpty());
            model.close();
        }
    }

    @Test
    void theSessionEndingOnTheServerEndsTheWindowsSessionWithItsReason() {
        DesktopProfiles profiles = TestProfiles.under(root);
        try (ConfabClient client = profiles.open("jay", friends.server().baseUrl())) {
            client.account().register("jay", TestUser.PASSWORD, null);
            client.start();
            MainViewModel model = new MainViewModel(client, new UiExecutors(ui, Runnable::run));
            eventually().until(() -> model.connectedProperty().get());
            try (ConfabClient elsewhere = profiles.open("jay-laptop", friends.server().baseUrl())) {
                elsewhere.account().login("jay", TestUser.PASSWORD);
                String session = client.account().require().sessionId();
                elsewhere.account().revokeSession(session);
            }
            eventually().until(() -> model.sessionEndedProperty().get());
            assertThat(model.bannerProperty().get()).isNotBlank();
            model.close();
        }
    }
}
