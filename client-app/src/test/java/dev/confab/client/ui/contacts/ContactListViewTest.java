package dev.confab.client.ui.contacts;

import static dev.confab.client.e2e.E2E.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.confab.client.e2e.E2E;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.UiExecutors;
import javafx.geometry.Side;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ContactListViewTest {
    @RegisterExtension
    static final Friends friends = Friends.onServer(b -> b.set("limits.register-per-address", "100/1h"));

    private Stage stage;
    private ContactListViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestStages.prepare(stage, 380, 640);
    }

    @AfterEach
    void closeModel() {
        TestStages.close(model);
    }

    private void show(FxRobot robot, TestUser user) {
        robot.interact(() -> {
            model = new ContactListViewModel(user.client, UiExecutors.javafx());
            stage.getScene().setRoot(new ContactListView(model).root());
        });
    }

    /** Whether a node matching {@code query} is on screen (list views keep hidden cells for measuring). */
    private static boolean present(FxRobot robot, String query) {
        return robot.lookup(query).match(ContactListViewTest::shown).tryQuery().isPresent();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    private static void click(FxRobot robot, String query) {
        Node node = robot.lookup(query).match(ContactListViewTest::shown).query();
        robot.clickOn(node);
    }

    @Test
    void typingAUsernameAndSendingAsksThemToBeAContact(FxRobot robot) {
        TestUser olga = friends.register("olga");
        show(robot, olga);
        robot.clickOn("#add-contact");
        robot.clickOn("#add-contact-username").write("bob");
        robot.clickOn("#add-contact-message").write("hi, olga here");
        robot.clickOn("#add-contact-send");

        eventually().until(() -> friends.bob().client.contacts().requests().incoming().stream()
                .anyMatch(r -> r.from().username().equals("olga") && "hi, olga here".equals(r.message())));
        eventually().until(() -> present(robot, "#request-cancel-bob"));
        assertEquals("Request sent to bob.", robot.lookup("#add-contact-notice").queryAs(Label.class).getText());
    }

    @Test
    void addingSomeoneUnknownShowsWhy(FxRobot robot) {
        TestUser rita = friends.register("rita");
        show(robot, rita);
        robot.clickOn("#add-contact");
        robot.clickOn("#add-contact-username").write("nosuchuser").type(KeyCode.ENTER);
        eventually().until(() -> present(robot, "#add-contact-problem"));
        assertEquals("Nobody is called 'nosuchuser' on this server. Check the spelling.",
                robot.lookup("#add-contact-problem").queryAs(Label.class).getText());
    }

    @Test
    void clickingAcceptMakesTheRequesterAContact(FxRobot robot) {
        TestUser pete = friends.register("pete");
        show(robot, pete);
        friends.alice().client.contacts().add("pete", "hi pete");
        eventually().until(() -> present(robot, "#request-accept-alice"));

        click(robot, "#request-accept-alice");
        eventually().until(() -> pete.client.contacts().byUsername("alice").isPresent());
        eventually().until(() -> present(robot, "#contact-alice") && !present(robot, "#requests-list"));
    }

    @Test
    void ctrlFSearchesAndEnterOpensTheContact(FxRobot robot) {
        TestUser sam = friends.register("sam");
        E2E.befriend(sam, friends.alice());
        E2E.befriend(sam, friends.bob());
        show(robot, sam);
        eventually().until(() -> present(robot, "#contact-alice") && present(robot, "#contact-bob"));

        click(robot, "#contact-alice");
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("contact-search", stage.getScene().getFocusOwner().getId());
        robot.write("bo");
        eventually().until(() -> !present(robot, "#contact-alice"));
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(friends.bob().userId(), model.openedUserIdProperty().get());
    }

    @Test
    void blockingFromTheMenuAndRemovingWithDeleteAskFirst(FxRobot robot) {
        TestUser tina = friends.register("tina");
        E2E.befriend(tina, friends.bob());
        show(robot, tina);
        eventually().until(() -> present(robot, "#contact-bob"));

        Node bob = robot.lookup("#contact-bob").match(ContactListViewTest::shown).query();
        click(robot, "#contact-bob");
        // Monocle's headless glass turns no right click into a context-menu request: open the list's menu directly.
        ListView<?> list = robot.lookup("#contact-list").queryAs(ListView.class);
        robot.interact(() -> list.getContextMenu().show(bob, Side.BOTTOM, 0, 0));
        robot.clickOn("Block…");
        assertTrue(present(robot, "#confirm-bar"));
        click(robot, "#confirm-yes");
        eventually().until(() -> tina.client.contacts().byUsername("bob").map(c -> c.blocked()).orElse(false));
        eventually().until(() -> robot.lookup("#contact-bob .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> "blocked".equals(l.getText())));

        click(robot, "#contact-bob");
        robot.type(KeyCode.DELETE);
        assertTrue(present(robot, "#confirm-bar"));
        click(robot, "#confirm-yes");
        eventually().until(() -> tina.client.contacts().byUsername("bob").isEmpty() && !present(robot, "#contact-bob"));
    }
}
