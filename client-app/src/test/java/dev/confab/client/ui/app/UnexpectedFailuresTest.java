package dev.confab.client.ui.app;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.ClientException;
import dev.confab.client.ui.fx.OnScreen;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class UnexpectedFailuresTest {
    private final UnexpectedFailures failures = new UnexpectedFailures(Path.of("/home/me/confab-desktop.log"));

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void aBugReadsAsASentenceWithWhereTheDetailsAreNeverAsAStackTrace() {
        String notice = failures.notice(new NullPointerException("Cannot invoke \"x.y()\" because \"z\" is null"));
        assertThat(notice).isEqualTo("Something in Confab failed unexpectedly. Try again; if it keeps failing, the log"
                + " file says more. Confab keeps running. The details are in /home/me/confab-desktop.log.");
        assertThat(notice).doesNotContain("Exception", "null", "\tat ");
    }

    @Test
    void aClientFailureKeepsItsOwnSentence() {
        assertThat(failures.notice(new ClientException("The local store is damaged.")))
                .startsWith("The local store is damaged. Confab keeps running.");
    }

    @Test
    void aFailureOnAnyThreadShowsOneNoticeWindow(FxRobot robot) throws Exception {
        Thread worker = Thread.ofPlatform().start(() -> failures.uncaughtException(Thread.currentThread(),
                new IllegalStateException("boom")));
        worker.join();
        failures.uncaughtException(Thread.currentThread(), new IllegalStateException("boom again"));
        eventually().until(() -> robot.lookup(".dialog-pane").match(OnScreen::test).tryQuery().isPresent());
        assertThat(robot.lookup(".dialog-pane").match(OnScreen::test).queryAll()).hasSize(1);
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("Confab keeps running").doesNotContain("IllegalStateException");
        robot.interact(() -> ((Button) pane.lookupButton(ButtonType.OK)).fire());
        eventually().until(() -> robot.lookup(".dialog-pane").match(OnScreen::test).tryQuery().isEmpty());
    }
}
