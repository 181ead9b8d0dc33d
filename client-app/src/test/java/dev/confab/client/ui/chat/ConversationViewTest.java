package dev.confab.client.ui.chat;

import static dev.confab.client.e2e.E2E.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.contacts.TestStages;
import dev.confab.client.ui.fx.UiExecutors;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class ConversationViewTest {
    @RegisterExtension
    static final Friends friends = Friends.standard();

    private Stage stage;
    private ConversationViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestStages.prepare(stage, 420, 600);
    }

    @AfterEach
    void closeModel() {
        TestStages.close(model);
    }

    private void show(FxRobot robot, TestUser user, TestUser peer, int pageSize) {
        robot.interact(() -> {
            model = new ConversationViewModel(user.client, UiExecutors.javafx(), peer.userId(), (_, _, _) -> { }, pageSize);
            stage.getScene().setRoot(new ConversationView(model).root());
        });
        eventually().until(() -> !model.loadingProperty().get());
    }

    private static boolean received(TestUser user, TestUser from, String text) {
        return user.client.chat().history(from.userId(), null, 20).messages().stream().anyMatch(m -> text.equals(m.text()));
    }

    private static boolean bubbleShows(FxRobot robot, String text) {
        return robot.lookup(".bubble-text").queryAllAs(Label.class).stream().anyMatch(l -> text.equals(l.getText()));
    }

    @Test
    void typingAndPressingEnterSendsToThePeer(FxRobot robot) {
        show(robot, friends.alice(), friends.bob(), 50);
        robot.clickOn("#composer").write("hi bob").type(KeyCode.ENTER);

        eventually().until(() -> received(friends.bob(), friends.alice(), "hi bob"));
        eventually().until(() -> bubbleShows(robot, "hi bob"));
        assertEquals("", robot.lookup("#composer").queryAs(TextArea.class).getText());
    }

    @Test
    void shiftEnterStartsANewLineInsteadOfSending(FxRobot robot) {
        show(robot, friends.alice(), friends.bob(), 50);
        robot.clickOn("#composer").write("one");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        robot.write("two");
        assertEquals("one\ntwo", robot.lookup("#composer").queryAs(TextArea.class).getText());

        robot.clickOn("#send-button");
        eventually().until(() -> received(friends.bob(), friends.alice(), "one\ntwo"));
    }

    @Test
    void thePeersMessageAppearsAndEarlierOnesLoadOnRequest(FxRobot robot) {
        friends.bob().send(friends.alice(), "first");
        friends.bob().send(friends.alice(), "second");
        eventually().until(() -> received(friends.alice(), friends.bob(), "second"));
        show(robot, friends.alice(), friends.bob(), 1);
        eventually().until(() -> bubbleShows(robot, "second"));

        friends.bob().send(friends.alice(), "hello from bob");
        eventually().until(() -> bubbleShows(robot, "hello from bob"));

        robot.clickOn("#load-earlier");
        eventually().until(() -> bubbleShows(robot, "first"));
    }
}
