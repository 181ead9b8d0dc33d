package dev.confab.client.ui.app;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;
import static dev.confab.client.ui.fx.OnFx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.core.chat.ChatMessage;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.calls.CallHistoryItem;
import dev.confab.client.ui.chat.MessageItem;
import dev.confab.client.ui.contacts.ContactItem;
import dev.confab.client.ui.fx.OnScreen;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.settings.DeviceChoice;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.testkit.PulseAudioExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app as a person uses it, against the real server, with virtual PulseAudio devices and the test-pattern
 * camera: register, add bob, chat both ways, place a video call (mute, hang up), take bob's call, see both calls in
 * the history, sign out and in again with everything still there. bob is a second client of the same core, as the
 * CLI is.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAppFlowTest {
    @RegisterExtension
    static final PulseAudioExtension PULSE = new PulseAudioExtension();
    @RegisterExtension
    static final Friends friends = Friends.standard();
    private static final CameraMode QVGA = CameraMode.of(320, 240, 15);
    private static final Duration CALL_LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path root;

    private DesktopShell shell;

    @BeforeAll
    static void devices() {
        var pulse = PULSE.pulse();
        pulse.makeDefault(pulse.addSpeaker("flow_spk", "Flow test speaker"));
        pulse.makeDefault(pulse.addMicrophone("flow_mic", "Flow test microphone"));
    }

    @Start
    void start(Stage stage) {
        shell = new DesktopShell(stage, TestProfiles.under(root), friends.server().baseUrl(), UiExecutors.javafx(),
                new StartupMarks(null));
        shell.show();
    }

    @AfterEach
    void close() throws Exception {
        friends.bob().client.calls().current().ifPresent(Call::hangUp);
        WaitForAsyncUtils.asyncFx(shell::close).get();
    }

    @Test
    void registerBefriendChatCallBothWaysAndSignInAgainWithHistoryIntact(FxRobot robot) {
        TestUser bob = friends.bob();
        ConfabClient hana = register(robot, "hana");

        robot.clickOn("#add-contact");
        robot.clickOn("#add-contact-username").write(bob.username);
        robot.clickOn("#add-contact-send");
        eventually().until(() -> bob.client.contacts().requests().incoming().stream()
                .anyMatch(r -> r.from().username().equals("hana")));
        bob.client.contacts().accept("hana");
        String hanaId = hana.account().require().userId();
        openContact(robot, bob.username);

        robot.clickOn("#composer").write("Hi bob, it's Hana").type(KeyCode.ENTER);
        eventually().until(() -> bob.client.chat().history(hanaId, null, 10).messages().stream()
                .map(ChatMessage::text).anyMatch("Hi bob, it's Hana"::equals));
        bob.client.send(hanaId, "Hello Hana!");
        eventually().until(() -> messageTexts(robot).contains("Hello Hana!"));
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        assertThat(fx(() -> robot.lookup("#contact-search").query().isFocused())).as("Ctrl+F from the composer").isTrue();

        chooseTestPatternCamera(robot);

        robot.clickOn("#call-video");
        within(CALL_LIMIT).until(() -> stateOf(bob.client) == CallState.INCOMING);
        bob.client.calls().current().orElseThrow().answer(new CallAudio.Silent(),
                new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), QVGA, VideoFrameSink.NONE));
        within(CALL_LIMIT).until(() -> stateOf(hana) == CallState.CONNECTED);
        within(CALL_LIMIT).until(() -> fx(() -> robot.lookup("#remote-video").queryAs(ImageView.class).getImage()) != null);
        robot.clickOn("#mute");
        eventually().until(() -> hana.calls().current().map(Call::muted).orElse(false));
        robot.clickOn("#hang-up");
        eventually().until(() -> bob.client.calls().current().isEmpty());
        robot.clickOn("#close-call");
        eventually().until(() -> historyOf(robot).size() == 1);

        Call incoming = bob.client.calls().place(hanaId, new CallAudio.Silent(),
                new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), QVGA, VideoFrameSink.NONE));
        eventually().until(() -> robot.lookup("#accept-video").match(OnScreen::test).tryQuery().isPresent());
        robot.clickOn("#accept-video");
        within(CALL_LIMIT).until(() -> stateOf(hana) == CallState.CONNECTED);
        incoming.hangUp().join();
        eventually().until(() -> hana.calls().current().isEmpty());
        robot.clickOn("#close-call");
        eventually().until(() -> historyOf(robot).size() == 2);

        robot.clickOn("#open-settings");
        robot.clickOn("#settings-tab-account");
        robot.clickOn("#sign-out");
        eventually().until(() -> robot.lookup("#sign-in-card").tryQuery().isPresent() && fx(() -> shell.client()).isEmpty());
        assertThat(fx(() -> robot.lookup("#username").queryTextInputControl().getText())).isEqualTo("hana");
        robot.clickOn("#password").write(TestUser.PASSWORD).type(KeyCode.ENTER);
        eventually().until(() -> robot.lookup("#add-contact").match(OnScreen::test).tryQuery().isPresent());
        openContact(robot, bob.username);
        eventually().until(() -> messageTexts(robot).containsAll(List.of("Hi bob, it's Hana", "Hello Hana!")));
        eventually().until(() -> historyOf(robot).size() == 2);
        assertThat(historyOf(robot)).extracting(CallHistoryItem::kindText)
                .containsExactly("Incoming video call", "Outgoing video call");
    }

    private ConfabClient register(FxRobot robot, String username) {
        robot.clickOn("#mode-register");
        robot.clickOn("#username").write(username);
        robot.clickOn("#password").write(TestUser.PASSWORD);
        robot.clickOn("#repeat-password").write(TestUser.PASSWORD);
        robot.type(KeyCode.ENTER);
        eventually().until(() -> robot.lookup("#add-contact").match(OnScreen::test).tryQuery().isPresent());
        return fx(() -> shell.client().orElseThrow());
    }

    /** Finds the contact by typing in the search and opens it with the keyboard, as the list allows. */
    private static void openContact(FxRobot robot, String username) {
        eventually().until(() -> fx(() -> contactList(robot).getItems().stream()
                .anyMatch(c -> c.username().equals(username))));
        robot.clickOn("#contact-search").write(username).type(KeyCode.DOWN).type(KeyCode.ENTER);
        eventually().until(() -> robot.lookup("#composer").match(OnScreen::test).tryQuery().isPresent());
    }

    private static void chooseTestPatternCamera(FxRobot robot) {
        robot.clickOn("#open-settings");
        eventually().until(() -> fx(() -> cameraChoice(robot).getItems().stream()
                .anyMatch(c -> c.name().equals(Optional.of(TestPatternDriver.DEFAULT_NAME)))));
        robot.interact(() -> cameraChoice(robot).getSelectionModel().select(cameraChoice(robot).getItems().stream()
                .filter(c -> c.name().equals(Optional.of(TestPatternDriver.DEFAULT_NAME))).findFirst().orElseThrow()));
        robot.clickOn("#settings-tab-audio-video").type(KeyCode.ESCAPE);
        eventually().until(() -> robot.lookup("#camera-choice").match(OnScreen::test).tryQuery().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DeviceChoice> cameraChoice(FxRobot robot) {
        return robot.lookup("#camera-choice").queryAs(ComboBox.class);
    }

    private static ListView<ContactItem> contactList(FxRobot robot) {
        return robot.lookup("#contact-list").queryListView();
    }

    private static List<String> messageTexts(FxRobot robot) {
        return fx(() -> robot.lookup("#message-list").<MessageItem>queryListView().getItems().stream()
                .map(MessageItem::text).toList());
    }

    private static List<CallHistoryItem> historyOf(FxRobot robot) {
        return fx(() -> List.copyOf(robot.lookup("#call-history").<CallHistoryItem>queryListView().getItems()));
    }

    private static CallState stateOf(ConfabClient client) {
        return client.calls().current().map(Call::state).orElse(null);
    }

}
