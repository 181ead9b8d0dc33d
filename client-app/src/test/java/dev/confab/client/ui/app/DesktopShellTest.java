package dev.confab.client.ui.app;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.UiExecutors;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class DesktopShellTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();

    @TempDir
    Path root;

    private DesktopShell shell;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        shell = new DesktopShell(stage, TestProfiles.under(root), friends.server().baseUrl(), UiExecutors.javafx(),
                new StartupMarks(null));
        shell.show();
    }

    @Test
    void anAccountsWindowComesBackWithTheSizeAndPlaceItWasClosedWith(FxRobot robot) throws Exception {
        DesktopProfiles profiles = TestProfiles.under(root.resolve("again"));
        try (var kim = profiles.open("kim", friends.server().baseUrl())) {
            kim.account().register("kim", TestUser.PASSWORD, null);
            profiles.remember("kim", kim.serverUrl());
        }
        WaitForAsyncUtils.asyncFx(() -> {
            shell.close();
            shell = new DesktopShell(stage, profiles, friends.server().baseUrl(), UiExecutors.javafx(),
                    new StartupMarks(null));
            shell.show();
        }).get();
        eventually().until(() -> robot.lookup("#contact-list").tryQuery().isPresent());
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setX(40);
            stage.setY(30);
            stage.setWidth(1010);
            stage.setHeight(690);
            shell.close();
            stage.setWidth(500);
            stage.setHeight(500);
            shell = new DesktopShell(stage, profiles, friends.server().baseUrl(), UiExecutors.javafx(),
                    new StartupMarks(null));
            shell.show();
        }).get();
        eventually().until(() -> robot.lookup("#contact-list").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(new double[] {stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight()})
                .containsExactly(40, 30, 1010, 690);
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::close).get();
    }

    @Test
    void aNewcomerRegistersWithTheKeyboardAndLandsInTheMainWindow(FxRobot robot) {
        robot.clickOn("#mode-register");
        robot.clickOn("#username").write("gina");
        robot.clickOn("#password").write(TestUser.PASSWORD);
        robot.clickOn("#repeat-password").write(TestUser.PASSWORD);
        robot.type(javafx.scene.input.KeyCode.ENTER);

        eventually().until(() -> shell.client().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#sign-in-card").tryQuery()).isEmpty();
        eventually().until(() -> !robot.lookup("#connection-banner").query().isVisible());
        assertThat(robot.window(0).getScene().getWindow()).isInstanceOfSatisfying(Stage.class,
                stage -> assertThat(stage.getTitle()).isEqualTo("Confab — gina"));
    }

    @Test
    void aWrongPasswordIsShownUnderTheFormAndNothingOpens(FxRobot robot) {
        robot.clickOn("#username").eraseText(20).write(friends.alice().username);
        robot.clickOn("#password").write("definitely not it");
        robot.clickOn("#submit");

        eventually().until(() -> robot.lookup("#sign-in-problem").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#sign-in-problem").queryAs(Label.class).getText())
                .isEqualTo("The username or the password is not correct");
        assertThat(shell.client()).isEmpty();
        Node submit = robot.lookup("#submit").query();
        assertThat(submit.isDisabled()).as("ready to try again").isFalse();
    }
}
