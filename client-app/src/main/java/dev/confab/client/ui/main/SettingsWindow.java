package dev.confab.client.ui.main;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.ui.contacts.BlockedPeopleView;
import dev.confab.client.ui.contacts.BlockedPeopleViewModel;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.settings.DesktopPreferences;
import dev.confab.client.ui.settings.SettingsView;
import dev.confab.client.ui.settings.SettingsViewModel;
import dev.confab.client.ui.settings.Theme;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The settings in their own window beside the main one: devices are opened (meter, preview) only while it shows,
 * Escape closes it. One per main window, made on first use. UI thread only.
 */
final class SettingsWindow implements AutoCloseable {
    private final SettingsViewModel model;
    private final BlockedPeopleViewModel blocked;
    private final Stage stage = new Stage();

    SettingsWindow(ConfabClient client, UiExecutors run, DesktopPreferences preferences, Consumer<Theme> applyTheme,
            Runnable signedOut, Window owner) {
        this.model = new SettingsViewModel(client, run, preferences, applyTheme, () -> {
            stage.hide();
            signedOut.run();
        });
        this.blocked = new BlockedPeopleViewModel(client, run);
        SettingsView view = new SettingsView(model);
        view.addTab("Blocked people", new BlockedPeopleView(blocked).root());
        Scene scene = new Scene(view.root(), 640, 560);
        scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.setScene(scene);
        stage.setTitle("Confab settings");
        stage.initOwner(owner);
        stage.setOnShown(_ -> model.start());
        stage.setOnHidden(_ -> model.stop());
    }

    void show() {
        stage.show();
        stage.toFront();
    }

    @Override
    public void close() {
        stage.hide();
        model.close();
        blocked.close();
    }
}
