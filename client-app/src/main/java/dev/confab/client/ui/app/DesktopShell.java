package dev.confab.client.ui.app;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.main.MainWindow;
import dev.confab.client.ui.settings.DesktopPreferences;
import dev.confab.client.ui.settings.Theme;
import dev.confab.client.ui.settings.WindowGeometry;
import dev.confab.client.ui.signin.SignInView;
import dev.confab.client.ui.signin.SignInViewModel;
import java.util.Objects;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The app's one main window and what it shows: the sign-in card until someone is signed in, then the main window
 * for that account; back to sign-in when they sign out or the server ends the session. At start it opens the
 * account that signed in last, if its session is still there. A signed-in account's theme and window size and
 * position are its own (its {@link DesktopPreferences}), restored when it opens and kept when it closes.
 *
 * <p>Thread contract: JavaFX application thread only; opening a profile runs in the background.
 */
public final class DesktopShell implements AutoCloseable {
    private static final String STYLESHEET = Objects.requireNonNull(
            DesktopShell.class.getResource("confab.css"), "confab.css").toExternalForm();

    private final Stage stage;
    private final DesktopProfiles profiles;
    private final String defaultServer;
    private final UiExecutors run;
    private final StartupMarks marks;
    private final Scene scene;
    private final Themes themes = new Themes();
    private MainWindow main;
    private ConfabClient client;
    private DesktopPreferences preferences;

    public DesktopShell(Stage stage, DesktopProfiles profiles, String defaultServer, UiExecutors run,
            StartupMarks marks) {
        this.stage = stage;
        this.profiles = profiles;
        this.defaultServer = defaultServer;
        this.run = run;
        this.marks = marks;
        themes.apply(Theme.SYSTEM);
        this.scene = new Scene(opening(), 960, 640);
        scene.getStylesheets().add(STYLESHEET);
        stage.setScene(scene);
        stage.setTitle("Confab");
        stage.setMinWidth(420);
        stage.setMinHeight(480);
    }

    /** Shows the window, then opens the last account in the background (or asks to sign in). */
    public void show() {
        stage.show();
        Optional<DesktopProfiles.Last> last = profiles.last();
        if (last.isEmpty()) {
            signIn();
            return;
        }
        run.background().execute(() -> {
            try {
                ConfabClient opened = profiles.open(last.get().username(), last.get().serverUrl());
                if (!opened.account().signedIn()) {
                    opened.close();
                    run.ui().execute(this::signIn);
                    return;
                }
                opened.start();
                run.ui().execute(() -> signedIn(opened));
            } catch (RuntimeException e) {
                String why = Problems.message("Opening your profile", e);
                run.ui().execute(() -> signIn().ifPresent(model -> model.showProblem(why)));
            }
        });
    }

    /** The signed-in client, while the main window shows. */
    public Optional<ConfabClient> client() {
        return Optional.ofNullable(client);
    }

    @Override
    public void close() {
        closeMain();
    }

    private Optional<SignInViewModel> signIn() {
        closeMain();
        SignInViewModel model = new SignInViewModel(profiles, defaultServer, run, this::signedIn);
        show(new SignInView(model).root(), "Confab — sign in");
        marks.reached("sign-in-window");
        return Optional.of(model);
    }

    private void signedIn(ConfabClient signedIn) {
        closeMain();
        client = signedIn;
        preferences = DesktopPreferences.of(signedIn.config().profile());
        themes.apply(preferences.theme());
        preferences.window().ifPresent(this::place);
        main = new MainWindow(signedIn, run, stage, preferences, themes::apply, this::signedOut);
        show(main.root(), null);
        stage.titleProperty().bind(main.titleProperty());
        main.contactsLoadedProperty().addListener((_, _, loaded) -> {
            if (loaded) {
                marks.reached("contact-list");
            }
        });
    }

    private void signedOut() {
        signIn();
    }

    private void closeMain() {
        stage.titleProperty().unbind();
        if (preferences != null) {
            preferences.setWindow(new WindowGeometry(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(),
                    stage.isMaximized()));
            preferences = null;
            themes.apply(Theme.SYSTEM);
        }
        if (main != null) {
            main.close();
            main = null;
        }
        if (client != null) {
            ConfabClient closing = client;
            client = null;
            run.background().execute(closing::close);
        }
    }

    /** Puts the window where it was, unless that place is on no screen now (a monitor was unplugged). */
    private void place(WindowGeometry where) {
        boolean visible = Screen.getScreensForRectangle(new Rectangle2D(where.x(), where.y(), where.width(),
                where.height())).stream().findAny().isPresent();
        stage.setWidth(where.width());
        stage.setHeight(where.height());
        if (visible) {
            stage.setX(where.x());
            stage.setY(where.y());
        }
        stage.setMaximized(where.maximized());
    }

    private void show(Parent root, String title) {
        scene.setRoot(root);
        if (title != null) {
            stage.setTitle(title);
        }
    }

    private static Parent opening() {
        ProgressIndicator spinner = new ProgressIndicator();
        VBox box = new VBox(12, spinner, new Label("Opening Confab…"));
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }
}
