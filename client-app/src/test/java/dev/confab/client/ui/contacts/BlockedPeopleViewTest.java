package dev.confab.client.ui.contacts;

import static dev.confab.client.e2e.E2E.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.fx.OnScreen;
import dev.confab.client.ui.fx.UiExecutors;
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

/** The blocked-people page: a row per person with Unblock, Enter on a selected row, and the empty sentence. */
@ExtendWith(ApplicationExtension.class)
class BlockedPeopleViewTest {
    @RegisterExtension
    static final Friends friends = Friends.onServer(b -> b.set("limits.register-per-address", "100/1h"));

    private Stage stage;
    private BlockedPeopleViewModel model;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestStages.prepare(stage, 480, 400);
    }

    @AfterEach
    void closeModel() {
        TestStages.close(model);
    }

    private void show(FxRobot robot, TestUser user) {
        robot.interact(() -> {
            model = new BlockedPeopleViewModel(user.client, UiExecutors.javafx());
            stage.getScene().setRoot(new javafx.scene.layout.StackPane(new BlockedPeopleView(model).root()));
        });
    }

    private static int rows(FxRobot robot) {
        return robot.lookup("#blocked-people").queryAs(ListView.class).getItems().size();
    }

    @Test
    void clickingUnblockLetsThemBackAndLeavesTheEmptySentence(FxRobot robot) {
        TestUser tina = friends.register("tina");
        friends.register("ugo");
        tina.client.contacts().block("ugo");
        show(robot, tina);
        eventually().until(() -> robot.lookup("#unblock-ugo").match(OnScreen::test).tryQuery().isPresent());

        robot.clickOn("#unblock-ugo");

        eventually().until(() -> rows(robot) == 0);
        assertThat(tina.client.contacts().blocked()).isEmpty();
        assertThat(robot.lookup("You have not blocked anyone.").tryQuery()).isPresent();
    }

    @Test
    void enterOnASelectedPersonUnblocksThem(FxRobot robot) {
        TestUser vera = friends.register("vera");
        friends.register("walt");
        friends.register("xena");
        vera.client.contacts().block("walt");
        vera.client.contacts().block("xena");
        show(robot, vera);
        eventually().until(() -> rows(robot) == 2);

        robot.clickOn("#blocked-people");
        robot.interact(() -> robot.lookup("#blocked-people").queryAs(ListView.class).getSelectionModel().select(1));
        robot.type(KeyCode.ENTER);

        eventually().until(() -> rows(robot) == 1);
        assertThat(vera.client.contacts().blocked()).singleElement()
                .satisfies(u -> assertThat(u.username()).isEqualTo("walt"));
    }
}
