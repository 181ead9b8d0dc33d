package dev.confab.client.ui.calls;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import java.util.function.Consumer;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An answered call: the peer's video filling the view with this device's camera small in a corner, the peer's name,
 * where the call stands and its timer ({@code #call-timer}), the network quality ({@code #call-quality}), the short
 * authentication string ({@code #call-sas}) with its verify button ({@code #verify-sas}), and the controls: mute
 * ({@code #mute}, M), camera ({@code #camera}), devices ({@code #call-devices}) and hang up ({@code #hang-up},
 * Escape).
 *
 * <p>Thread contract: JavaFX application thread only.
 */
public final class InCallView {
    private final StackPane root;

    public InCallView(CallViewModel model) {
        ImageView remote = new ImageView();
        remote.setId("remote-video");
        remote.setPreserveRatio(true);
        remote.imageProperty().bind(model.surfaces().remote().imageProperty());
        ImageView self = new ImageView();
        self.setId("self-view");
        self.setPreserveRatio(true);
        self.setFitWidth(160);
        self.imageProperty().bind(model.surfaces().self().imageProperty());
        self.visibleProperty().bind(model.cameraOnProperty());
        StackPane.setAlignment(self, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(self, new Insets(0, 12, 72, 0));

        Label peer = new Label(model.peerName());
        peer.getStyleClass().addAll(Styles.TITLE_3, "call-overlay-text");
        Label state = new Label();
        state.setId("call-state");
        state.getStyleClass().add("call-overlay-text");
        state.textProperty().bind(model.stateTextProperty());
        // While connected the state is the timer, shown beside it already.
        state.visibleProperty().bind(model.stateProperty().isNotEqualTo(dev.confab.client.core.calls.CallState.CONNECTED));
        state.managedProperty().bind(state.visibleProperty());
        Label timer = new Label();
        timer.setId("call-timer");
        timer.getStyleClass().add("call-overlay-text");
        timer.textProperty().bind(model.timerProperty());
        Label quality = new Label();
        quality.setId("call-quality");
        quality.textProperty().bind(model.qualityProperty().map(CallQuality::text));
        quality.accessibleTextProperty().bind(quality.textProperty());
        quality.graphicProperty().bind(model.qualityProperty().map(InCallView::qualityIcon));
        Label sas = new Label();
        sas.setId("call-sas");
        sas.getStyleClass().add("call-overlay-text");
        sas.textProperty().bind(Bindings.createStringBinding(() -> model.sasProperty().get().isEmpty() ? ""
                : "Compare: " + model.sasProperty().get() + (model.verifiedProperty().get() ? " — verified" : ""),
                model.sasProperty(), model.verifiedProperty()));
        Button verify = new Button("Verify", new FontIcon(Feather.SHIELD));
        verify.setId("verify-sas");
        verify.setAccessibleText("The words match what the other person sees: mark their keys verified");
        verify.visibleProperty().bind(model.sasProperty().isNotEmpty().and(model.verifiedProperty().not()));
        verify.managedProperty().bind(verify.visibleProperty());
        verify.setOnAction(_ -> model.verify());
        HBox sasRow = new HBox(8, sas, verify);
        sasRow.setAlignment(Pos.CENTER_LEFT);
        Label problem = new Label();
        problem.setId("call-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(model.problemProperty());
        VBox top = new VBox(4, peer, new HBox(12, state, timer, quality), sasRow, problem);
        top.setPadding(new Insets(12));
        top.getStyleClass().add("call-overlay");
        top.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(top, Pos.TOP_LEFT);

        ToggleButton mute = new ToggleButton(null, new FontIcon(Feather.MIC_OFF));
        mute.setId("mute");
        mute.setAccessibleText("Mute the microphone");
        mute.getStyleClass().add(Styles.BUTTON_CIRCLE);
        mute.setSelected(model.mutedProperty().get());
        model.mutedProperty().subscribe(mute::setSelected);
        mute.setOnAction(_ -> {
            model.toggleMute();
            mute.setSelected(model.mutedProperty().get());
        });
        ToggleButton camera = new ToggleButton(null, new FontIcon(Feather.VIDEO));
        camera.setId("camera");
        camera.setAccessibleText("Turn the camera on or off");
        camera.getStyleClass().add(Styles.BUTTON_CIRCLE);
        camera.setDisable(!model.cameraAvailable());
        model.cameraOnProperty().subscribe(camera::setSelected);
        camera.setOnAction(_ -> {
            model.toggleCamera();
            camera.setSelected(model.cameraOnProperty().get());
        });
        MenuButton devices = devicesMenu(model);
        Button hangUp = new Button(null, new FontIcon(Feather.PHONE_OFF));
        hangUp.setId("hang-up");
        hangUp.setAccessibleText("Hang up");
        hangUp.getStyleClass().addAll(Styles.BUTTON_CIRCLE, Styles.DANGER);
        hangUp.setCancelButton(true);
        hangUp.setOnAction(_ -> model.hangUp());
        for (var control : new javafx.scene.control.Control[] {mute, devices, hangUp}) {
            control.disableProperty().bind(model.endedProperty());
        }
        HBox controls = new HBox(16, mute, camera, devices, hangUp);
        controls.setAlignment(Pos.CENTER);
        controls.setPadding(new Insets(12));
        controls.getStyleClass().add("call-overlay");
        controls.setMaxHeight(Region.USE_PREF_SIZE);
        StackPane.setAlignment(controls, Pos.BOTTOM_CENTER);

        root = new StackPane(remote, self, top, controls);
        root.setId("in-call");
        root.getStyleClass().add("in-call");
        root.setMinSize(320, 240);
        remote.fitWidthProperty().bind(root.widthProperty());
        remote.fitHeightProperty().bind(root.heightProperty());
        root.getStylesheets().add(InCallView.class.getResource("calls.css").toExternalForm());
        root.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.M && !model.endedProperty().get()) {
                model.toggleMute();
                e.consume();
            }
        });
    }

    private static MenuButton devicesMenu(CallViewModel model) {
        Menu microphones = new Menu("Microphone");
        Menu speakers = new Menu("Speaker");
        Menu cameras = new Menu("Camera");
        fill(microphones, model.microphones(), model::useMicrophone);
        fill(speakers, model.speakers(), model::useSpeaker);
        fill(cameras, model.cameras(), model::useCamera);
        cameras.setVisible(model.cameraAvailable());
        MenuButton menu = new MenuButton(null, new FontIcon(Feather.SETTINGS), microphones, speakers, cameras);
        menu.setId("call-devices");
        menu.setAccessibleText("Choose the microphone, speaker and camera");
        menu.getStyleClass().add(Styles.BUTTON_CIRCLE);
        menu.setOnShowing(_ -> model.loadDevices());
        return menu;
    }

    private static void fill(Menu menu, ObservableList<String> names, Consumer<String> choose) {
        names.addListener((ListChangeListener<String>) _ -> menu.getItems().setAll(names.stream().map(name -> {
            MenuItem item = new MenuItem(name);
            item.setOnAction(_ -> choose.accept(name));
            return item;
        }).toList()));
    }

    private static FontIcon qualityIcon(CallQuality quality) {
        FontIcon icon = new FontIcon(Feather.BAR_CHART_2);
        icon.getStyleClass().add("quality-" + quality.name().toLowerCase(java.util.Locale.ROOT));
        return icon;
    }

    public Parent root() {
        return root;
    }
}
