package dev.confab.client.ui.shots;

import static dev.confab.client.e2e.E2E.eventually;
import static dev.confab.client.e2e.E2E.within;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.core.calls.Call;
import dev.confab.client.core.calls.CallAudio;
import dev.confab.client.core.calls.CallState;
import dev.confab.client.core.calls.CallVideo;
import dev.confab.client.e2e.TestUser;
import dev.confab.client.ui.app.DesktopProfiles;
import dev.confab.client.ui.app.DesktopShell;
import dev.confab.client.ui.app.StartupMarks;
import dev.confab.client.ui.app.TestProfiles;
import dev.confab.client.ui.contacts.ContactItem;
import dev.confab.client.ui.fx.OnScreen;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.settings.DesktopPreferences;
import dev.confab.media.call.VideoFrameSink;
import dev.confab.media.video.capture.CameraMode;
import dev.confab.media.video.capture.TestPatternDriver;
import dev.confab.protocol.PresenceState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Walks through the desktop app's main screens in a real window (run it with a {@code DISPLAY}: GTK glass, software
 * rendering) and saves each as a PNG in the light and the dark theme: sign-in, the main window with a conversation
 * and its calls, the safety number, settings, an incoming call, a video call. The people and their history are made
 * first through the client core on the given server. Run by {@link ScreenshotsTest} in its own JVM:
 * {@code ScreenshotTour SERVER_URL OUT_DIR WORK_DIR}; exits 0 when every picture was saved.
 */
public final class ScreenshotTour {
    private static final Duration CALL_LIMIT = Duration.ofSeconds(30);
    private static final CameraMode VGA = CameraMode.of(640, 480, 30);
    /** The screens, in the order they are taken. */
    static final List<String> SCREENS = List.of("sign-in", "main", "safety-number", "settings", "incoming-call",
            "in-call");

    private final String server;
    private final Path out;
    private final Path work;
    private Stage stage;
    private DesktopShell shell;

    private ScreenshotTour(String server, Path out, Path work) {
        this.server = server;
        this.out = out;
        this.work = work;
    }

    public static void main(String[] args) {
        try {
            Platform.startup(() -> { });
            Platform.setImplicitExit(false);
            new ScreenshotTour(args[0], Path.of(args[1]), Path.of(args[2])).run();
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void run() throws Exception {
        Path peers = work.resolve("peers");
        try (TestUser bob = TestUser.register(server, peers, "bob");
                TestUser carol = TestUser.register(server, peers, "carol");
                TestUser dave = TestUser.register(server, peers, "dave")) {
            DesktopProfiles profiles = TestProfiles.under(work.resolve("app"));
            history(profiles, bob, carol, dave);

            fx(() -> {
                stage = new Stage();
                stage.setWidth(1100);
                stage.setHeight(720);
                shell = new DesktopShell(stage, TestProfiles.under(work.resolve("newcomer")), server,
                        UiExecutors.javafx(), new StartupMarks(null));
                shell.show();
                return null;
            });
            waitShown("#sign-in-card");
            shoot("sign-in", stage);

            fx(() -> {
                shell.close();
                shell = new DesktopShell(stage, profiles, server, UiExecutors.javafx(), new StartupMarks(null));
                shell.show();
                return null;
            });
            eventually().until(() -> fx(() -> node("#contact-list").map(n -> ((ListView<?>) n).getItems().size())
                    .orElse(0)) == 2);
            fx(() -> {
                ListView<ContactItem> list = contacts();
                list.getSelectionModel().select(list.getItems().stream()
                        .filter(c -> c.username().equals("bob")).findFirst().orElseThrow());
                Event.fireEvent(list, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
                return null;
            });
            eventually().until(() -> fx(() -> node("#message-list").map(n -> ((ListView<?>) n).getItems().size())
                    .orElse(0)) >= 3 && fx(() -> node("#call-history").map(n -> ((ListView<?>) n).getItems().size())
                    .orElse(0)) >= 2);
            shoot("main", stage);

            fire("#show-safety-number");
            waitShown("#safety-number");
            shoot("safety-number", stage);
            fire("#show-safety-number");

            fire("#open-settings");
            waitShown("#settings");
            within(CALL_LIMIT).until(() -> fx(() -> image("#camera-preview")));
            Window settings = fx(() -> windowOf("#settings"));
            shoot("settings", settings);
            fx(() -> {
                settings.hide();
                return null;
            });

            Call fromBob = bob.client.calls().place(bob.client.contacts().byUsername("alice").orElseThrow().userId(),
                    new CallAudio.Silent(), new CallVideo(Optional.of(TestPatternDriver.DEFAULT_NAME), VGA,
                            VideoFrameSink.NONE));
            waitShown("#accept-video");
            shoot("incoming-call", fx(() -> windowOf("#incoming-call")));
            fire("#accept-video");
            within(CALL_LIMIT).until(() -> fromBob.state() == CallState.CONNECTED);
            within(CALL_LIMIT).until(() -> fx(() -> image("#remote-video") && image("#self-view")
                    && node("#call-timer").map(n -> ((Label) n).getText().matches("\\d\\d:0[1-9]")).orElse(false)));
            shoot("in-call", fx(() -> windowOf("#call-window")));
            fromBob.hangUp().join();
            fx(() -> {
                shell.close();
                return null;
            });
        }
    }

    /** alice, in the app's profiles: contacts bob and carol (away), dave's request waiting, a chat and calls with bob. */
    private void history(DesktopProfiles profiles, TestUser bob, TestUser carol, TestUser dave) {
        try (ConfabClient alice = profiles.open("alice", server)) {
            alice.account().register("alice", TestUser.PASSWORD, "Alice Liddell");
            profiles.remember("alice", alice.serverUrl());
            alice.start();
            for (TestUser friend : List.of(bob, carol)) {
                alice.contacts().add(friend.username, "Hi, it's Alice");
                eventually().until(() -> friend.client.contacts().requests().incoming().stream()
                        .anyMatch(r -> r.from().username().equals("alice")));
                friend.client.contacts().accept("alice");
            }
            dave.client.contacts().add("alice", "Hi Alice, it's Dave from the book club");
            carol.client.presence().set(PresenceState.AWAY);
            String aliceId = alice.account().require().userId();
            bob.client.send(aliceId, "Are we still on for a call at three?");
            eventually().until(() -> alice.chat().history(bob.userId(), null, 10).messages().size() == 1);
            alice.send(bob.userId(), "Yes! I'll ring you on video.");
            bob.client.send(aliceId, "Great, talk soon.");
            eventually().until(() -> alice.chat().history(bob.userId(), null, 10).messages().size() == 3);
            alice.chat().markRead(bob.userId());

            Call missed = bob.client.calls().place(aliceId, new CallAudio.Silent());
            eventually().until(() -> alice.calls().current().map(Call::state).orElse(null) == CallState.INCOMING);
            missed.hangUp().join();
            eventually().until(() -> alice.calls().current().isEmpty());
            Call answered = bob.client.calls().place(aliceId, new CallAudio.Silent());
            eventually().until(() -> alice.calls().current().map(Call::state).orElse(null) == CallState.INCOMING);
            alice.calls().current().orElseThrow().answer(new CallAudio.Silent());
            within(CALL_LIMIT).until(() -> answered.state() == CallState.CONNECTED);
            // A call of a few seconds reads as one in the history (00:03 rather than 00:00).
            within(CALL_LIMIT).until(() -> answered.answeredAt()
                    .filter(at -> at.plusSeconds(3).isBefore(java.time.Instant.now())).isPresent());
            answered.hangUp().join();
            eventually().until(() -> alice.calls().current().isEmpty());
            DesktopPreferences.of(alice.config().profile()).setCamera(Optional.of(TestPatternDriver.DEFAULT_NAME));
        }
    }

    /** Saves {@code window}'s picture as light/NAME.png and dark/NAME.png. */
    private void shoot(String name, Window window) throws Exception {
        for (boolean dark : new boolean[] {false, true}) {
            var picture = fx(() -> {
                Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                        : new PrimerLight().getUserAgentStylesheet());
                return window.getScene().snapshot(null);
            });
            Png.write(picture, out.resolve(dark ? "dark" : "light").resolve(name + ".png"));
        }
        fx(() -> {
            Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            return null;
        });
        System.out.println("Saved " + name);
    }

    @SuppressWarnings("unchecked")
    private ListView<ContactItem> contacts() {
        return (ListView<ContactItem>) node("#contact-list").orElseThrow();
    }

    private void waitShown(String id) {
        within(CALL_LIMIT).until(() -> fx(() -> node(id).isPresent()));
    }

    private void fire(String id) throws Exception {
        fx(() -> {
            ((ButtonBase) node(id).orElseThrow(() -> new IllegalStateException("No " + id + " on screen"))).fire();
            return null;
        });
    }

    private boolean image(String id) {
        return node(id).map(n -> ((ImageView) n).getImage() != null).orElse(false);
    }

    /** The node with {@code id} that a person could see, in any window of the app. FX thread. */
    private static Optional<Node> node(String id) {
        return Window.getWindows().stream().filter(w -> w.getScene() != null)
                .flatMap(w -> w.getScene().getRoot().lookupAll(id).stream()).filter(OnScreen::test).findFirst();
    }

    private static Window windowOf(String id) {
        return node(id).orElseThrow().getScene().getWindow();
    }

    private static <T> T fx(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.join();
    }
}
