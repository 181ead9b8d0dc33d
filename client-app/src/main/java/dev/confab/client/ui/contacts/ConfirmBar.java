package dev.confab.client.ui.contacts;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * An inline question before a destructive action ("Remove bob?" [Remove] [Keep]), shown in place instead of a
 * dialog. Ids: {@code confirm-bar}, {@code confirm-text}, {@code confirm-yes}, {@code confirm-no}. Escape answers
 * no. Use on the JavaFX application thread.
 */
final class ConfirmBar extends HBox {
    private final Label question = new Label();
    private final Button yes = new Button();
    private final Button no = new Button("Keep");
    private Runnable action = () -> { };

    ConfirmBar() {
        super(6);
        setId("confirm-bar");
        question.setId("confirm-text");
        question.setWrapText(true);
        HBox.setHgrow(question, Priority.ALWAYS);
        yes.setId("confirm-yes");
        yes.getStyleClass().addAll(Styles.DANGER, Styles.SMALL);
        no.setId("confirm-no");
        no.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
        no.setCancelButton(false);
        yes.setOnAction(_ -> answer(true));
        no.setOnAction(_ -> answer(false));
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                answer(false);
                e.consume();
            }
        });
        setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(question, yes, no);
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    /** Asks {@code text}; {@code confirm} labels the yes button; {@code then} runs on yes. */
    void ask(String text, String confirm, Runnable then) {
        question.setText(text);
        yes.setText(confirm);
        action = then;
        setVisible(true);
        no.requestFocus();
    }

    private void answer(boolean confirmed) {
        setVisible(false);
        Runnable then = action;
        action = () -> { };
        if (confirmed) {
            then.run();
        }
    }
}
