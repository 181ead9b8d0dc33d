package dev.confab.client.ui.settings;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.ui.fx.OnFx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.testkit.PulseAudioExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The settings page in a real (headless) window, on a real client against the real server. */
@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();
    @RegisterExtension
    static final Friends friends = Friends.standard();

    private static final AtomicInteger USERS = new AtomicInteger();

    private final CopyOnWriteArrayList<Theme> applied = new CopyOnWriteArrayList<>();
    private final AtomicInteger signedOut = new AtomicInteger();
    private TestUser user;
    private Path prefsFile;
    private SettingsViewModel model;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        user = friends.register("settings" + USERS.incrementAndGet());
        prefsFile = Files.createTempDirectory(friends.profiles(), "prefs").resolve(DesktopPreferences.FILE_NAME);
        model = new SettingsViewModel(user.client, UiExecutors.javafx(), DesktopPreferences.load(prefsFile),
                applied::add, signedOut::incrementAndGet);
        stage.setScene(new Scene(new SettingsView(model).root(), 800, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        fx(() -> {
            model.close();
            return null;
        });
    }

    @Test
    void choosingAThemeAppliesItAtOnceAndKeepsIt(FxRobot robot) {
        robot.clickOn("Appearance");
        robot.clickOn("#theme-choice");
        robot.clickOn(Theme.DARK.label());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(applied).containsExactly(Theme.DARK);
        assertThat(DesktopPreferences.load(prefsFile).theme()).isEqualTo(Theme.DARK);
        assertThat(robot.lookup("#theme-choice").queryAs(ComboBox.class).getValue()).isEqualTo(Theme.DARK);
    }

    @Test
    void signingOutTellsTheApp(FxRobot robot) {
        robot.clickOn("Account");
        robot.clickOn("#sign-out");

        eventually().until(() -> signedOut.get() == 1);
        assertThat(user.client.account().signedIn()).isFalse();
    }

    @Test
    void deletingNeedsThePasswordAndAWrongOneIsShown(FxRobot robot) throws Exception {
        robot.clickOn("Account");
        assertThat(fx(() -> robot.lookup("#delete-account").queryAs(Button.class).isDisabled())).isTrue();

        robot.clickOn("#delete-password").write("not the password");
        robot.clickOn("#delete-account");

        eventually().until(() -> fx(() -> robot.lookup("#settings-problem").queryAs(Label.class).isVisible()));
        assertThat(fx(() -> robot.lookup("#settings-problem").queryAs(Label.class).getText()))
                .contains("password is not correct").endsWith("Nothing was deleted.");
        assertThat(user.client.account().signedIn()).isTrue();
    }

    @Test
    void theChosenCameraShowsInThePreviewAndTheChoiceIsKept(FxRobot robot) throws Exception {
        robot.interact(model::start);
        eventually().until(() -> fx(() -> model.cameras().size() > 1));

        robot.clickOn("#camera-choice");
        robot.clickOn(TestPatternDriver.DEFAULT_NAME);

        eventually().until(() -> fx(() -> robot.lookup("#camera-preview").queryAs(ImageView.class).getImage() != null));
        assertThat(DesktopPreferences.load(prefsFile).camera()).contains(TestPatternDriver.DEFAULT_NAME);
        assertThat(fx(() -> robot.lookup("#settings-problem").query().isVisible())).isFalse();
    }

}
