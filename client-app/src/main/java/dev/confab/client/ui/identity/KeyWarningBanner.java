package dev.confab.client.ui.identity;

import atlantafx.base.theme.Styles;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The banner above a conversation (and before a call) while a contact's keys changed: the warning, "Compare" (the
 * app opens the safety number, through {@code onReview}) and "Trust" ({@link KeyWarningViewModel#accept()}). Hidden,
 * taking no space, while there is nothing to warn about. UI thread only.
 */
public final class KeyWarningBanner {
    private final HBox root = new HBox(12);

    public KeyWarningBanner(KeyWarningViewModel model, Runnable onReview) {
        Objects.requireNonNull(onReview, "onReview");
        FontIcon icon = new FontIcon(Feather.ALERT_TRIANGLE);
        icon.getStyleClass().add(Styles.WARNING);

        Label text = new Label();
        text.setId("key-warning-text");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(
                () -> model.problemProperty().get().isEmpty() ? model.warningProperty().get()
                        : model.warningProperty().get() + " " + model.problemProperty().get(),
                model.warningProperty(), model.problemProperty()));
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);

        Button review = new Button("Compare safety numbers");
        review.setId("review-key");
        review.setMnemonicParsing(false);
        review.setOnAction(_ -> onReview.run());

        Button accept = new Button("Trust");
        accept.setId("accept-key");
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setAccessibleText("Trust the new keys after comparing safety numbers");
        accept.disableProperty().bind(model.canAcceptProperty().not().or(model.busyProperty()));
        accept.setOnAction(_ -> model.accept());

        root.setId("key-warning");
        root.getStyleClass().addAll(Styles.BG_WARNING_SUBTLE, Styles.BORDER_DEFAULT);
        root.setAlignment(Pos.CENTER_LEFT);
        root.setPadding(new Insets(8, 12, 8, 12));
        root.setAccessibleRole(AccessibleRole.TEXT);
        root.accessibleTextProperty().bind(model.warningProperty());
        root.getChildren().addAll(icon, text, review, accept);
        root.visibleProperty().bind(model.warningProperty().isNotEmpty());
        root.managedProperty().bind(root.visibleProperty());
    }

    public Parent root() {
        return root;
    }
}
