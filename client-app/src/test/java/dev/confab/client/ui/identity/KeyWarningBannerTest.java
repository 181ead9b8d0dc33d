package dev.confab.client.ui.identity;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.ui.fx.OnFx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.confab.client.e2e.E2E;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.UiExecutors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The key warning banner above a conversation, and the safety number page it leads to, in a real (headless) window: a
 * contact signs in on a new device, the banner appears, "Compare" opens the number, marking it verified ends the
 * warning.
 */
@ExtendWith(ApplicationExtension.class)
class KeyWarningBannerTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();

    private final AtomicInteger reviews = new AtomicInteger();
    private TestUser heidi;
    private KeyWarningViewModel warning;
    private SafetyNumberViewModel number;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TestUser alice = friends.alice();
        heidi = friends.register("heidi");
        E2E.befriend(alice, heidi);
        warning = new KeyWarningViewModel(alice.client, UiExecutors.javafx(), heidi.userId());
        number = new SafetyNumberViewModel(alice.client, UiExecutors.javafx(), heidi.userId());
        BorderPane conversation = new BorderPane(new SafetyNumberView(number).root());
        conversation.setTop(new KeyWarningBanner(warning, reviews::incrementAndGet).root());
        warning.start();
        number.start();
        stage.setScene(new Scene(conversation, 800, 500));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            warning.close();
            number.close();
            return null;
        });
    }

    @Test
    void aNewDeviceShowsTheBannerUntilTheNumberIsMarkedVerified(FxRobot robot) throws Exception {
        eventually().until(() -> !fx(() -> robot.lookup("#safety-number").queryAs(Label.class).getText()).isEmpty());
        assertThat(fx(() -> robot.lookup("#key-warning").query().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#mark-verified").query().isDisabled())).as("trusted on first use can be verified")
                .isFalse();

        friends.signIn("heidi-phone", "heidi");
        friends.alice().client.keys().refresh(heidi.userId());

        eventually().until(() -> fx(() -> robot.lookup("#key-warning").query().isVisible()));
        assertThat(fx(() -> robot.lookup("#key-warning-text").queryAs(Label.class).getText()))
                .isEqualTo("heidi has a new device, so the safety number changed. Compare it before you call or send a message.");
        robot.clickOn("#review-key");
        assertThat(reviews.get()).isEqualTo(1);

        eventually().until(() -> !fx(() -> robot.lookup("#mark-verified").query().isDisabled()));
        robot.clickOn("#mark-verified");

        eventually().until(() -> !fx(() -> robot.lookup("#key-warning").query().isVisible()));
        eventually().until(() -> fx(() -> robot.lookup("#trust-state").queryAs(Label.class).getText())
                .equals(PeerTrust.VERIFIED.description()));
        assertThat(friends.alice().client.keys().pendingChanges(heidi.userId())).isEmpty();
    }

}
