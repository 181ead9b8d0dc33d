package dev.confab.client.ui.calls;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.ui.fx.OnFx.fx;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.e2e.Friends;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.testing.FrameCounter;
import dev.confab.client.ui.fx.OnScreen;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The call windows driven through the real UI (headless Monocle) against the real server, alice in the UI and bob a
 * core client with a test-pattern camera: a video call placed from the UI connects and shows bob's video, mutes, hangs
 * up and appears in the call history; a call cancelled while ringing says so; bob's call rings in the incoming
 * window and is accepted with video (by its button or V), with audio by Enter, or declined by Escape.
 */
@ExtendWith(ApplicationExtension.class)
class CallWindowsFxTest {
    private static final CameraMode QVGA = CameraMode.of(320, 240, 15);

    @RegisterExtension
    static final Friends friends = Friends.standard();

    private CallWindows windows;
    private CallHistoryViewModel history;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        TestUser alice = friends.alice();
        CallDevices devices = new CallDevices(CallAudio.Silent::new, () -> Optional.of(TestPatternDriver.DEFAULT_NAME));
        windows = new CallWindows(alice.client, UiExecutors.javafx(), devices, Clock.systemUTC());
        history = new CallHistoryViewModel(alice.client, UiExecutors.javafx(), friends.bob().userId(),
                Clock.systemUTC());
        stage.setScene(new Scene(new CallHistoryView(history).root(), 400, 300));
        stage.show();
    }

    @AfterEach
    void closeWindows() throws Exception {
        for (TestUser user : List.of(friends.alice(), friends.bob())) {
            user.client.calls().current().ifPresent(Call::hangUp);
        }
        WaitForAsyncUtils.asyncFx(() -> {
            windows.close();
            history.close();
        }).get();
    }

    @Test
    void aVideoCallPlacedFromTheUiShowsBobsVideoMutesHangsUpAndIsInTheHistory(FxRobot robot) {
        TestUser bob = friends.bob();
        robot.interact(() -> windows.placeCall(bob.userId(), true));
        eventually().until(() -> bob.client.calls().current().map(Call::state).orElse(null) == CallState.INCOMING);
        eventually().until(() -> robot.lookup("#cancel-call").tryQuery().isPresent());
        bob.client.calls().current().orElseThrow().answer(new CallAudio.Silent(),
                new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), QVGA, VideoFrameSink.NONE));

        CallViewModel model = fx(() -> windows.callWindowProperty().get().model());
        eventually().until(() -> fx(() -> model.stateProperty().get()) == CallState.CONNECTED);
        eventually().until(() -> fx(() -> model.surfaces().remote().framesShownProperty().get()) >= 10);
        eventually().until(() -> fx(() -> model.surfaces().self().framesShownProperty().get()) >= 1);
        eventually().until(() -> robot.lookup("#call-timer").queryAs(Label.class).getText().matches("\\d\\d:\\d\\d"));

        robot.clickOn("#mute");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(model.call().muted()).isTrue();
        assertThat(fx(() -> model.mutedProperty().get())).isTrue();

        robot.clickOn("#hang-up");
        eventually().until(() -> fx(() -> model.endedProperty().get()));
        assertThat(robot.lookup("#call-state").queryAs(Label.class).getText()).isEqualTo("You hung up.");
        robot.clickOn("#close-call");

        String callId = model.call().id();
        eventually().until(() -> fx(() -> robot.lookup("#call-history").<CallHistoryItem>queryListView().getItems()
                .stream().anyMatch(i -> i.callId().equals(callId) && i.kindText().equals("Outgoing video call")
                        && !i.missed() && i.resultText().matches("\\d\\d:\\d\\d"))));
    }

    @Test
    void bobsCallRingsInTheIncomingWindowAndIsAcceptedWithVideo(FxRobot robot) {
        FrameCounter atBob = new FrameCounter();
        Call outgoing = bobCallsAliceWithVideo(atBob);
        eventually().until(() -> robot.lookup("#accept-video").tryQuery().isPresent());
        assertThat(fx(() -> windows.incomingWindowProperty().get().stage().isAlwaysOnTop())).isTrue();
        assertThat(robot.lookup("#incoming-caller").queryAs(Label.class).getText()).isEqualTo("bob");

        robot.clickOn("#accept-video");
        eventually().until(() -> fx(() -> windows.callWindowProperty().get() != null));
        CallViewModel model = fx(() -> windows.callWindowProperty().get().model());
        eventually().until(() -> fx(() -> model.stateProperty().get()) == CallState.CONNECTED);
        eventually().until(() -> atBob.count() >= 10);
        eventually().until(() -> fx(() -> model.surfaces().remote().framesShownProperty().get()) >= 10);
        assertThat(fx(() -> windows.incomingWindowProperty().get().stage().isShowing())).isFalse();
        assertThat(fx(() -> model.cameraOnProperty().get())).isTrue();

        outgoing.hangUp().join();
        eventually().until(() -> fx(() -> model.endedProperty().get()));
        assertThat(robot.lookup("#call-state").queryAs(Label.class).getText()).isEqualTo("bob hung up.");
        assertThat(robot.lookup("#hang-up").queryAs(Button.class).isDisabled()).isTrue();
    }

    @Test
    void escapeInTheIncomingWindowDeclines(FxRobot robot) {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        Call outgoing = bob.client.calls().place(alice.userId(), new CallAudio.Silent());
        eventually().until(() -> robot.lookup("#incoming-caller").match(OnScreen::test).tryQuery().isPresent());
        robot.clickOn("#incoming-caller").type(javafx.scene.input.KeyCode.ESCAPE);
        eventually().until(() -> outgoing.end().isPresent());
        assertThat(outgoing.end().orElseThrow().message("alice")).isEqualTo("alice declined the call.");
        eventually().until(() -> !fx(() -> windows.incomingWindowProperty().get().stage().isShowing()));
    }

    @Test
    void enterInTheIncomingWindowAcceptsWithAudioOnly(FxRobot robot) {
        TestUser alice = friends.alice();
        TestUser bob = friends.bob();
        Call outgoing = bob.client.calls().place(alice.userId(), new CallAudio.Silent());
        eventually().until(() -> robot.lookup("#incoming-caller").match(OnScreen::test).tryQuery().isPresent());
        robot.clickOn("#incoming-caller").type(javafx.scene.input.KeyCode.ENTER);
        eventually().until(() -> outgoing.state() == CallState.CONNECTED);
        eventually().until(() -> fx(() -> windows.callWindowProperty().get() != null));
        CallViewModel model = fx(() -> windows.callWindowProperty().get().model());
        assertThat(model.cameraAvailable()).isFalse();
        assertThat(robot.lookup("#camera").queryAs(javafx.scene.control.ToggleButton.class).isDisabled()).isTrue();
        robot.clickOn("#hang-up");
        eventually().until(() -> outgoing.end().isPresent());
        assertThat(outgoing.end().orElseThrow().message("alice")).isEqualTo("alice hung up.");
    }

    @Test
    void vInTheIncomingWindowAcceptsWithVideo(FxRobot robot) {
        FrameCounter atBob = new FrameCounter();
        Call outgoing = bobCallsAliceWithVideo(atBob);
        eventually().until(() -> robot.lookup("#incoming-caller").match(OnScreen::test).tryQuery().isPresent());
        robot.clickOn("#incoming-caller").type(javafx.scene.input.KeyCode.V);
        eventually().until(() -> outgoing.state() == CallState.CONNECTED);
        eventually().until(() -> fx(() -> windows.callWindowProperty().get() != null));
        CallViewModel model = fx(() -> windows.callWindowProperty().get().model());
        eventually().until(() -> fx(() -> model.cameraOnProperty().get()));
        eventually().until(() -> atBob.count() >= 10);
        robot.clickOn("#hang-up");
        eventually().until(() -> outgoing.end().isPresent());
    }

    @Test
    void aCallCancelledWhileItRingsSaysSo(FxRobot robot) {
        TestUser bob = friends.bob();
        robot.interact(() -> windows.placeCall(bob.userId(), false));
        eventually().until(() -> bob.client.calls().current().map(Call::state).orElse(null) == CallState.INCOMING);
        eventually().until(() -> robot.lookup("#outgoing-state").tryQuery().isPresent());
        eventually().until(() -> robot.lookup("#outgoing-state").queryAs(Label.class).getText().equals("Ringing…"));
        robot.clickOn("#cancel-call");
        eventually().until(() -> robot.lookup("#outgoing-state").queryAs(Label.class).getText()
                .equals("You cancelled the call."));
        eventually().until(() -> bob.client.calls().current().isEmpty());
    }

    private static Call bobCallsAliceWithVideo(FrameCounter atBob) {
        return friends.bob().client.calls().place(friends.alice().userId(), new CallAudio.Silent(),
                new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), QVGA, atBob));
    }


}
