package dev.confab.client.ui.signin;

import atlantafx.base.theme.Styles;
import dev.confab.client.ui.signin.SignInViewModel.Mode;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The sign-in window's content: a card with "Sign in" / "Create account", the fields each needs, the server under
 * "Server" (the local one by default), progress while connecting, and the problem in words. Enter submits. Binds to
 * a {@link SignInViewModel}. UI thread only.
 */
public final class SignInView {
    private final StackPane root = new StackPane();

    public SignInView(SignInViewModel model) {
        Label title = new Label("Confab");
        title.getStyleClass().add(Styles.TITLE_1);
        Label tagline = new Label("Private calls and chat, end to end encrypted.");
        tagline.getStyleClass().add(Styles.TEXT_MUTED);
        tagline.setWrapText(true);

        ToggleGroup modes = new ToggleGroup();
        ToggleButton signIn = modeButton("Sign in", "mode-sign-in", modes, Styles.LEFT_PILL);
        ToggleButton register = modeButton("Create account", "mode-register", modes, Styles.RIGHT_PILL);
        modes.selectToggle(model.modeProperty().get() == Mode.REGISTER ? register : signIn);
        modes.selectedToggleProperty().addListener((_, old, now) -> {
            if (now == null) {
                modes.selectToggle(old); // one of the two is always chosen
            } else {
                model.modeProperty().set(now == register ? Mode.REGISTER : Mode.SIGN_IN);
            }
        });
        HBox modeBar = new HBox(signIn, register);
        modeBar.setAlignment(Pos.CENTER);

        TextField username = field(new TextField(), "username", "User name");
        username.textProperty().bindBidirectional(model.usernameProperty());
        TextField displayName = field(new TextField(), "display-name", "Display name (optional)");
        displayName.textProperty().bindBidirectional(model.displayNameProperty());
        PasswordField password = field(new PasswordField(), "password", "Password");
        password.textProperty().bindBidirectional(model.passwordProperty());
        PasswordField repeat = field(new PasswordField(), "repeat-password", "Password again");
        repeat.textProperty().bindBidirectional(model.repeatPasswordProperty());
        TextField server = field(new TextField(), "server", "Server address");
        server.textProperty().bindBidirectional(model.serverProperty());

        var registering = model.modeProperty().isEqualTo(Mode.REGISTER);
        for (var onlyToRegister : new javafx.scene.Node[] {displayName, repeat}) {
            onlyToRegister.visibleProperty().bind(registering);
            onlyToRegister.managedProperty().bind(registering);
        }

        TitledPane serverPane = new TitledPane("", server);
        serverPane.textProperty().bind(javafx.beans.binding.Bindings.concat("Server: ", model.serverProperty()));
        serverPane.setExpanded(false);
        serverPane.getStyleClass().add(Styles.DENSE);

        Button submit = new Button();
        submit.setId("submit");
        submit.textProperty().bind(javafx.beans.binding.Bindings.when(registering)
                .then("Create account").otherwise("Sign in"));
        submit.getStyleClass().add(Styles.ACCENT);
        submit.setDefaultButton(true);
        submit.setMaxWidth(Double.MAX_VALUE);
        submit.disableProperty().bind(model.canSubmitProperty().not());
        submit.setOnAction(_ -> model.submit());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        Label progressText = new Label();
        progressText.textProperty().bind(model.progressProperty());
        HBox progress = new HBox(8, spinner, progressText);
        progress.setId("sign-in-progress");
        progress.setAlignment(Pos.CENTER_LEFT);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(model.busyProperty());

        Label problem = new Label();
        problem.setId("sign-in-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        for (TextField f : new TextField[] {username, displayName, password, repeat, server}) {
            f.disableProperty().bind(model.busyProperty());
            f.setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER) {
                    model.submit();
                }
            });
        }

        VBox card = new VBox(12, title, tagline, modeBar, labelled("User name", username),
                labelled("Display name (optional)", displayName), labelled("Password", password),
                labelled("Password again", repeat), serverPane, submit, progress, problem);
        card.setId("sign-in-card");
        card.setMaxWidth(360);
        card.setMaxHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setPadding(new Insets(28));
        card.getStyleClass().add("sign-in-card");
        root.getChildren().add(card);
        root.setPadding(new Insets(24));
        root.getStyleClass().add("sign-in-backdrop");
        StackPane.setAlignment(card, Pos.CENTER);
        javafx.application.Platform.runLater(username::requestFocus);
    }

    public Parent root() {
        return root;
    }

    /** The field under its caption; the caption follows the field's visibility and points to it for screen readers. */
    private static VBox labelled(String caption, TextField field) {
        Label label = new Label(caption);
        label.setLabelFor(field);
        label.getStyleClass().add(Styles.TEXT_SMALL);
        VBox box = new VBox(4, label, field);
        box.visibleProperty().bind(field.visibleProperty());
        box.managedProperty().bind(field.managedProperty());
        return box;
    }

    private static ToggleButton modeButton(String text, String id, ToggleGroup group, String pill) {
        ToggleButton b = new ToggleButton(text);
        b.setId(id);
        b.setToggleGroup(group);
        b.getStyleClass().add(pill);
        return b;
    }

    private static <T extends TextField> T field(T field, String id, String prompt) {
        field.setId(id);
        field.setPromptText(prompt);
        field.setAccessibleText(prompt);
        return field;
    }
}
