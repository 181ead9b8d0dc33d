package dev.confab.client.ui.main;

import atlantafx.base.theme.Styles;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.ui.calls.CallHistoryView;
import dev.confab.client.ui.calls.CallHistoryViewModel;
import dev.confab.client.ui.calls.CallWindows;
import dev.confab.client.ui.chat.ConversationView;
import dev.confab.client.ui.chat.ConversationViewModel;
import dev.confab.client.ui.chat.MessageNotifier;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.identity.KeyWarningBanner;
import dev.confab.client.ui.identity.KeyWarningViewModel;
import dev.confab.client.ui.identity.SafetyNumberView;
import dev.confab.client.ui.identity.SafetyNumberViewModel;
import java.time.Clock;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One contact's side of the main window: a key-change warning when there is one, the call buttons, the
 * conversation, and beside it the calls with this contact (missed ones marked) or, on demand, the safety number to
 * compare. A call is not placed while a key change waits for the user's decision. UI thread only; {@link #close()}
 * releases the view-models.
 */
final class ContactPane implements AutoCloseable {
    private final ConversationViewModel conversation;
    private final CallHistoryViewModel history;
    private final SafetyNumberViewModel safety;
    private final KeyWarningViewModel warning;
    private final ConversationView conversationView;
    private final BorderPane root = new BorderPane();
    private final StackPane details = new StackPane();
    private final ToggleButton safetyToggle = new ToggleButton(null, new FontIcon(Feather.SHIELD));

    ContactPane(ConfabClient client, UiExecutors run, String peerUserId, MessageNotifier notifier, CallWindows calls) {
        conversation = new ConversationViewModel(client, run, peerUserId, notifier);
        conversation.shownProperty().set(true);
        history = new CallHistoryViewModel(client, run, peerUserId, Clock.systemDefaultZone());
        safety = new SafetyNumberViewModel(client, run, peerUserId);
        warning = new KeyWarningViewModel(client, run, peerUserId);
        conversationView = new ConversationView(conversation);

        Label callsTitle = new Label("Calls");
        callsTitle.getStyleClass().add(Styles.TITLE_4);
        VBox historyView = new VBox(8, callsTitle, new CallHistoryView(history).root());
        VBox.setVgrow(historyView.getChildren().getLast(), javafx.scene.layout.Priority.ALWAYS);
        historyView.setPadding(new Insets(10));
        Parent safetyView = new SafetyNumberView(safety).root();
        details.getChildren().addAll(historyView, safetyView);
        details.setId("contact-details");
        // The safety number's four groups a line need more room than the list of calls.
        details.prefWidthProperty().bind(javafx.beans.binding.Bindings.when(safetyToggle.selectedProperty())
                .then(420).otherwise(270));
        details.getStyleClass().add("details-pane");
        safetyView.visibleProperty().bind(safetyToggle.selectedProperty());
        historyView.visibleProperty().bind(safetyToggle.selectedProperty().not());

        root.setTop(new VBox(new KeyWarningBanner(warning, () -> safetyToggle.setSelected(true)).root(),
                actions(peerUserId, calls)));
        root.setCenter(conversationView.root());
        root.setRight(details);
        safety.start();
        warning.start();
    }

    Parent root() {
        return root;
    }

    /** Puts the cursor in the message field. */
    void focusComposer() {
        conversationView.focusComposer();
    }

    @Override
    public void close() {
        conversation.close();
        history.close();
        safety.close();
        warning.close();
    }

    /** The call buttons and the safety number's toggle, in the conversation's header; a failed call's reason above. */
    private Label actions(String peerUserId, CallWindows calls) {
        Button audio = callButton("call-audio", Feather.PHONE, "Audio call");
        audio.setOnAction(_ -> calls.placeCall(peerUserId, false));
        Button video = callButton("call-video", Feather.VIDEO, "Video call");
        video.setOnAction(_ -> calls.placeCall(peerUserId, true));
        for (Button b : new Button[] {audio, video}) {
            b.disableProperty().bind(warning.warningProperty().isNotEmpty());
        }
        safetyToggle.setId("show-safety-number");
        safetyToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        safetyToggle.setAccessibleText("Safety number");
        safetyToggle.setTooltip(new Tooltip("Compare the safety number"));
        Label callProblem = new Label();
        callProblem.setId("call-problem");
        callProblem.getStyleClass().addAll(Styles.DANGER, Styles.TEXT_SMALL);
        callProblem.textProperty().bind(calls.problemProperty());
        callProblem.visibleProperty().bind(calls.problemProperty().isNotEmpty());
        callProblem.managedProperty().bind(callProblem.visibleProperty());
        callProblem.setPadding(new Insets(4, 10, 0, 10));
        conversationView.addHeaderActions(audio, video, safetyToggle);
        return callProblem;
    }

    private static Button callButton(String id, Feather icon, String text) {
        Button b = new Button(null, new FontIcon(icon));
        b.setId(id);
        b.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.SUCCESS);
        b.setAccessibleText(text);
        b.setTooltip(new Tooltip(text));
        return b;
    }
}
