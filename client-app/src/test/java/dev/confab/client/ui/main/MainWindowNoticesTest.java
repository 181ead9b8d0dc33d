package dev.confab.client.ui.main;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.app.DesktopProfiles;
import dev.confab.client.ui.app.DesktopShell;
import dev.confab.client.ui.app.StartupMarks;
import dev.confab.client.ui.app.TestProfiles;
import dev.confab.client.ui.fx.OnScreen;
import dev.confab.client.ui.fx.UiExecutors;
import java.nio.file.Path;
import javafx.scene.Node;
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

/** The main window tells about what arrives unseen: a message in a closed conversation, a missed call. */
@ExtendWith(ApplicationExtension.class)
class MainWindowNoticesTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();

    @TempDir
    Path root;

    private DesktopShell shell;
    private String lenaId;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        DesktopProfiles profiles = TestProfiles.under(root);
        try (ConfabClient lena = profiles.open("lena", friends.server().baseUrl())) {
            lena.account().register("lena", TestUser.PASSWORD, null);
            profiles.remember("lena", lena.serverUrl());
            lenaId = lena.account().require().userId();
            lena.contacts().add(friends.bob().username, null);
        }
        TestUser bob = friends.bob();
        eventually().until(() -> bob.client.contacts().requests().incoming().stream()
                .anyMatch(r -> r.from().username().equals("lena")));
        bob.client.contacts().accept("lena");
        shell = new DesktopShell(stage, profiles, friends.server().baseUrl(), UiExecutors.javafx(),
                new StartupMarks(null));
        shell.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(shell::close).get();
    }

    @Test
    void aMessageToAClosedConversationAndAMissedCallWhileMinimizedEachShowANotice(FxRobot robot) {
        TestUser bob = friends.bob();
        eventually().until(() -> robot.lookup("#contact-list").match(OnScreen::test).tryQuery().isPresent());
        bob.client.send(lenaId, "Are you there?");
        eventually().until(() -> noticeText(robot).equals("bob: Are you there?"));

        robot.interact(() -> stage.setIconified(true));
        Call call = bob.client.calls().place(lenaId, new CallAudio.Silent());
        eventually().until(() -> robot.lookup("#incoming-call").match(OnScreen::test).tryQuery().isPresent());
        assertThat(robot.lookup("#incoming-call").query().getScene().getWindow()).as("rings in front, window minimized")
                .isInstanceOfSatisfying(Stage.class, ringing -> assertThat(ringing.isAlwaysOnTop()).isTrue());
        assertThat(call.state()).isIn(CallState.OUTGOING, CallState.RINGING);
        call.hangUp().join();
        eventually().until(() -> noticeText(robot).equals("Missed call: bob called you."));
        robot.clickOn("#toast");
        eventually().until(() -> robot.lookup("#composer").match(OnScreen::test).tryQuery().isPresent());
    }

    private static String noticeText(FxRobot robot) {
        return robot.lookup("#toast").match(OnScreen::test).tryQuery().map(Node::getAccessibleText).orElse("");
    }
}
