package dev.confab.client.ui.identity;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A contact's safety number, large and in groups, to compare with the number on the contact's screen; the trust
 * state; "Mark as verified" once they match. UI thread only.
 */
public final class SafetyNumberView {
    private final VBox root = new VBox(12);

    public SafetyNumberView(SafetyNumberViewModel model) {
        Label title = new Label("Safety number with " + model.peerName());
        title.getStyleClass().add(Styles.TITLE_3);
        title.setWrapText(true);

        Label explanation = new Label("Compare these digits with the ones " + model.peerName() + " sees, in person or"
                + " on a call you trust. If they match, nobody is listening in between.");
        explanation.setWrapText(true);
        explanation.getStyleClass().add(Styles.TEXT_MUTED);

        Label number = new Label();
        number.setId("safety-number");
        number.getStyleClass().addAll(Styles.TITLE_3, "safety-number");
        number.setStyle("-fx-font-family: monospace;");
        number.textProperty().bind(model.safetyNumberProperty());
        number.accessibleTextProperty().bind(model.safetyNumberProperty().map(digits -> digits.isEmpty()
                ? "No safety number yet" : "Safety number " + digits.replace('\n', ' ')));

        Label trust = new Label();
        trust.setId("trust-state");
        trust.setWrapText(true);
        trust.textProperty().bind(model.trustTextProperty());
        trust.graphicProperty().bind(model.trustProperty().map(state -> switch (state) {
            case VERIFIED -> icon(Feather.CHECK_CIRCLE, Styles.SUCCESS);
            case TRUSTED -> icon(Feather.CHECK, Styles.TEXT_MUTED);
            case NEW_DEVICE, CHANGED -> icon(Feather.ALERT_TRIANGLE, Styles.WARNING);
            case INVALID -> icon(Feather.X_OCTAGON, Styles.DANGER);
            case UNKNOWN -> icon(Feather.HELP_CIRCLE, Styles.TEXT_MUTED);
        }));

        Button verify = new Button("Mark as verified");
        verify.setId("mark-verified");
        verify.getStyleClass().add(Styles.ACCENT);
        verify.setDefaultButton(true);
        verify.disableProperty().bind(model.canMarkVerifiedProperty().not().or(model.busyProperty()));
        verify.setOnAction(_ -> model.markVerified());

        ProgressIndicator progress = new ProgressIndicator();
        progress.setMaxSize(24, 24);
        progress.visibleProperty().bind(model.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());

        Label problem = new Label();
        problem.setId("safety-number-problem");
        problem.setWrapText(true);
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        problem.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());

        root.setPadding(new Insets(16));
        root.getChildren().addAll(title, explanation, number, trust, progress, verify, problem);
    }

    public Parent root() {
        return root;
    }

    private static FontIcon icon(Feather glyph, String style) {
        FontIcon icon = new FontIcon(glyph);
        icon.getStyleClass().add(style);
        return icon;
    }
}
