package dev.confab.client.ui.main;

import atlantafx.base.theme.Styles;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.ui.fx.UiExecutors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window's content for a signed-in account: the connection banner on top, the contact list on the left,
 * the chosen contact's conversation, calls and safety number on the right. UI thread only; {@link #close()} stops
 * what it listens to.
 */
public final class MainWindow implements AutoCloseable {
    private final MainViewModel model;
    private final BorderPane root = new BorderPane();

    public MainWindow(ConfabClient client, UiExecutors run, Stage stage, Runnable signedOut) {
        this.model = new MainViewModel(client, run);
        root.setTop(banner());
        VBox side = new VBox();
        side.getStyleClass().add("side-pane");
        side.setPrefWidth(300);
        root.setLeft(side);
        root.setCenter(emptyState());
        model.sessionEndedProperty().addListener((_, _, ended) -> {
            if (ended) {
                signedOut.run();
            }
        });
    }

    public Parent root() {
        return root;
    }

    public ReadOnlyStringProperty titleProperty() {
        return model.titleProperty();
    }

    @Override
    public void close() {
        model.close();
    }

    private HBox banner() {
        Label text = new Label();
        text.setId("connection-banner-text");
        text.setWrapText(true);
        text.textProperty().bind(model.bannerProperty());
        HBox banner = new HBox(8, new FontIcon(Feather.WIFI_OFF), text);
        banner.setId("connection-banner");
        banner.getStyleClass().add("connection-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.visibleProperty().bind(model.bannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private static VBox emptyState() {
        Label hint = new Label("Choose a contact to chat or call.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(hint);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        return box;
    }
}
