package dev.confab.client.ui.settings;

import dev.confab.client.core.ConfabClient;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import dev.confab.client.ui.fx.VideoSurface;
import dev.confab.media.audio.device.AudioDevice;
import dev.confab.media.audio.device.AudioDevices;
import dev.confab.media.audio.device.Direction;
import dev.confab.media.video.capture.Camera;
import dev.confab.media.video.capture.CameraEvent;
import dev.confab.media.video.capture.CameraException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings screen: microphone, speaker and camera (with a live level meter, a test tone and a preview), the theme
 * (applied at once through the app's {@code applyTheme}), the notification sound, and the account (sign out, change
 * the password, delete the account). Every choice is kept in {@link DesktopPreferences} as it is made.
 *
 * <p>Lifecycle: {@link #start()} when the screen is shown lists the devices and opens the chosen microphone (for the
 * meter) and camera (for the preview); {@link #stop()} when it is hidden releases them; {@link #close()} when done.
 *
 * <p>Thread contract: methods and properties on the UI executor. Devices are opened and closed, and the server asked,
 * on the background executor; device threads hand their news to the UI executor.
 */
public final class SettingsViewModel implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SettingsViewModel.class);

    private final ConfabClient client;
    private final UiExecutors run;
    private final DesktopPreferences prefs;
    private final Runnable onSignedOut;
    private final AudioDevices audioDevices = new AudioDevices();
    private final ObservableList<DeviceChoice> microphones = FXCollections.observableArrayList(DeviceChoice.systemDefault());
    private final ObservableList<DeviceChoice> speakers = FXCollections.observableArrayList(DeviceChoice.systemDefault());
    private final ObservableList<DeviceChoice> cameras = FXCollections.observableArrayList(DeviceChoice.noCamera());
    private final ObjectProperty<DeviceChoice> microphone = new SimpleObjectProperty<>(this, "microphone");
    private final ObjectProperty<DeviceChoice> speaker = new SimpleObjectProperty<>(this, "speaker");
    private final ObjectProperty<DeviceChoice> camera = new SimpleObjectProperty<>(this, "camera");
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme");
    private final BooleanProperty notificationSound = new SimpleBooleanProperty(this, "notificationSound");
    private final ReadOnlyDoubleWrapper micLevel = new ReadOnlyDoubleWrapper(this, "micLevel");
    private final ReadOnlyBooleanWrapper testingSpeaker = new ReadOnlyBooleanWrapper(this, "testingSpeaker");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final Map<Source, String> problems = new EnumMap<>(Source.class);
    private final VideoSurface preview;
    private final CameraPreview cameraPreview;
    private final Object devices = new Object();
    private final AtomicBoolean levelPending = new AtomicBoolean();
    private volatile double latestLevel;
    private volatile boolean shown;
    private volatile boolean closed;
    private MicrophoneMeter meter;
    private Optional<String> meterDevice = Optional.empty();

    /** Where a problem comes from: each source's newest problem is shown until that source is fine again. */
    private enum Source {
        MICROPHONE, SPEAKER, CAMERA, ACCOUNT
    }

    /**
     * @param applyTheme  applies a theme the user chose, at once (on the UI thread)
     * @param onSignedOut the account was signed out or deleted here: the app shows its sign-in (on the UI thread)
     */
    public SettingsViewModel(ConfabClient client, UiExecutors run, DesktopPreferences prefs, Consumer<Theme> applyTheme,
            Runnable onSignedOut) {
        this.client = Objects.requireNonNull(client, "client");
        this.run = Objects.requireNonNull(run, "run");
        this.prefs = Objects.requireNonNull(prefs, "prefs");
        Objects.requireNonNull(applyTheme, "applyTheme");
        this.onSignedOut = Objects.requireNonNull(onSignedOut, "onSignedOut");
        this.preview = new VideoSurface(run.ui());
        this.cameraPreview = new CameraPreview(client.config().calls().cameras(), this::cameraEvent);
        microphone.set(choice(microphones, prefs.microphone(), DeviceChoice.systemDefault()));
        speaker.set(choice(speakers, prefs.speaker(), DeviceChoice.systemDefault()));
        camera.set(choice(cameras, prefs.camera(), DeviceChoice.noCamera()));
        theme.set(prefs.theme());
        notificationSound.set(prefs.notificationSound());
        microphone.addListener((obs, was, now) -> chosen(now, prefs::setMicrophone));
        speaker.addListener((obs, was, now) -> chosen(now, prefs::setSpeaker));
        camera.addListener((obs, was, now) -> chosen(now, prefs::setCamera));
        theme.addListener((obs, was, now) -> {
            if (now != null) {
                prefs.setTheme(now);
                applyTheme.accept(now);
            }
        });
        notificationSound.addListener((obs, was, now) -> prefs.setNotificationSound(now));
    }

    // ---- properties

    public ObservableList<DeviceChoice> microphones() {
        return microphones;
    }

    public ObservableList<DeviceChoice> speakers() {
        return speakers;
    }

    public ObservableList<DeviceChoice> cameras() {
        return cameras;
    }

    /** The chosen microphone; setting it keeps the choice and moves the level meter to it. */
    public ObjectProperty<DeviceChoice> microphoneProperty() {
        return microphone;
    }

    /** The chosen speaker; setting it keeps the choice. */
    public ObjectProperty<DeviceChoice> speakerProperty() {
        return speaker;
    }

    /** The chosen camera; setting it keeps the choice and moves the preview to it. */
    public ObjectProperty<DeviceChoice> cameraProperty() {
        return camera;
    }

    /** The chosen theme; setting it keeps the choice and applies it at once. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Whether new messages and calls make a sound; setting it keeps the choice. */
    public BooleanProperty notificationSoundProperty() {
        return notificationSound;
    }

    /** How loud the chosen microphone is, 0 to 1 (60 dB of range), while the screen is shown. */
    public ReadOnlyDoubleProperty micLevelProperty() {
        return micLevel.getReadOnlyProperty();
    }

    /** Whether the test tone is playing. */
    public ReadOnlyBooleanProperty testingSpeakerProperty() {
        return testingSpeaker.getReadOnlyProperty();
    }

    /** The chosen camera's pictures while the screen is shown. */
    public VideoSurface preview() {
        return preview;
    }

    /** Whether an account action is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What is wrong, as sentences (a device that cannot be used, an account action that failed); empty when nothing. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** What an account action achieved ("Password changed..."); empty otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    // ---- lifecycle

    /** The screen is shown: lists the devices and opens the chosen microphone and camera. */
    public void start() {
        shown = true;
        refreshDevices();
    }

    /** The screen is hidden: releases the microphone and the camera. */
    public void stop() {
        shown = false;
        micLevel.set(0);
        preview.clear();
        run.background().execute(this::reconcileDevices);
    }

    /** Lists the machine's microphones, speakers and cameras again. */
    public void refreshDevices() {
        run.background().execute(() -> {
            List<DeviceChoice> mics = audioChoices(Direction.CAPTURE);
            List<DeviceChoice> outs = audioChoices(Direction.PLAYOUT);
            List<DeviceChoice> cams = cameraChoices();
            ui(() -> {
                listed(microphones, mics, microphone, prefs.microphone());
                listed(speakers, outs, speaker, prefs.speaker());
                listed(cameras, cams, camera, prefs.camera());
            });
            reconcileDevices();
        });
    }

    /** Releases the devices. */
    @Override
    public void close() {
        closed = true;
        shown = false;
        run.background().execute(() -> {
            reconcileDevices();
            cameraPreview.close();
        });
    }

    // ---- actions

    /** Plays a second of 440 Hz on the chosen speaker. */
    public void testSpeaker() {
        if (testingSpeaker.get()) {
            return;
        }
        testingSpeaker.set(true);
        Optional<String> name = prefs.speaker();
        run.background().execute(() -> {
            try {
                Optional<AudioDevice> device = audioDevices.find(Direction.PLAYOUT, name.orElse(AudioDevice.SYSTEM_DEFAULT_NAME));
                if (device.isEmpty()) {
                    report(Source.SPEAKER, DeviceProblems.notConnected("speaker", name.orElseThrow()));
                } else {
                    TestTone.play(audioDevices, device.get(), event -> DeviceProblems.of("speaker", event)
                            .ifPresent(text -> report(Source.SPEAKER, text)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                report(Source.SPEAKER, Problems.message("Playing the test tone", e));
            } finally {
                ui(() -> testingSpeaker.set(false));
            }
        });
    }

    /** Signs out on the server and here, then tells the app. */
    public void signOut() {
        account("Signing out", () -> client.account().logout(), "", "", true);
    }

    /** Changes the password; the server signs out the account's other sessions. */
    public void changePassword(String currentPassword, String newPassword) {
        if (currentPassword.isEmpty() || newPassword.isEmpty()) {
            report(Source.ACCOUNT, "Enter your current password and the new one.");
            return;
        }
        account("Changing the password", () -> client.account().changePassword(currentPassword, newPassword),
                "Password changed. Your other devices were signed out; sign in there with the new password.", "", false);
    }

    /** Deletes the account and everything of it, on the server and here, then tells the app. */
    public void deleteAccount(String password) {
        if (password.isEmpty()) {
            report(Source.ACCOUNT, "Enter your password to delete the account.");
            return;
        }
        account("Deleting the account", () -> client.account().deleteAccount(password), "", " Nothing was deleted.", true);
    }

    // ---- internals

    /**
     * Runs an account action in the background: {@code success} is the notice after it, {@code failureNote} is added
     * to the problem if it fails, and {@code signsOut} tells the app afterwards.
     */
    private void account(String what, Runnable action, String success, String failureNote, boolean signsOut) {
        busy.set(true);
        notice.set("");
        report(Source.ACCOUNT, "");
        run.background().execute(() -> {
            try {
                action.run();
                ui(() -> {
                    busy.set(false);
                    notice.set(success);
                    if (signsOut) {
                        onSignedOut.run();
                    }
                });
            } catch (RuntimeException e) {
                String message = Problems.message(what, e);
                ui(() -> busy.set(false));
                report(Source.ACCOUNT, message + failureNote);
            }
        });
    }

    private void chosen(DeviceChoice now, Consumer<Optional<String>> keep) {
        if (now != null) {
            keep.accept(now.name());
            run.background().execute(this::reconcileDevices);
        }
    }

    /** Opens what should be open now (the chosen microphone and camera while shown) and closes the rest. */
    private void reconcileDevices() {
        synchronized (devices) {
            reconcileMicrophone();
            reconcileCamera();
        }
    }

    private void reconcileMicrophone() {
        Optional<String> wanted = prefs.microphone();
        if (meter != null && (!shown || !wanted.equals(meterDevice))) {
            meter.close();
            meter = null;
            ui(() -> micLevel.set(0));
        }
        if (meter != null || !shown) {
            return;
        }
        Optional<AudioDevice> device = audioDevices.find(Direction.CAPTURE, wanted.orElse(AudioDevice.SYSTEM_DEFAULT_NAME));
        if (device.isEmpty()) {
            report(Source.MICROPHONE, DeviceProblems.notConnected("microphone", wanted.orElseThrow()));
            return;
        }
        report(Source.MICROPHONE, "");
        try {
            meter = MicrophoneMeter.start(audioDevices, device.get(), this::level, event ->
                    DeviceProblems.of("microphone", event).ifPresent(text -> report(Source.MICROPHONE, text)));
            meterDevice = wanted;
        } catch (RuntimeException e) {
            report(Source.MICROPHONE, Problems.message("Opening the microphone", e));
        }
    }

    private void reconcileCamera() {
        Optional<String> wanted = shown ? prefs.camera() : Optional.empty();
        try {
            cameraPreview.show(wanted, preview);
            report(Source.CAMERA, "");
        } catch (CameraException e) {
            report(Source.CAMERA, DeviceProblems.of(e));
        } catch (RuntimeException e) {
            report(Source.CAMERA, Problems.message("Opening the camera", e));
        }
        if (wanted.isEmpty()) {
            ui(preview::clear);
        }
    }

    private void cameraEvent(CameraEvent event) {
        if (event instanceof CameraEvent.Failed failed) {
            report(Source.CAMERA, DeviceProblems.of(failed.error()));
        }
        log.info("Camera: {}", event);
    }

    /** Takes a level on the capture thread; the UI gets the newest, at most one update waiting. */
    private void level(double value) {
        latestLevel = value;
        if (levelPending.compareAndSet(false, true)) {
            ui(() -> {
                levelPending.set(false);
                if (shown) {
                    micLevel.set(latestLevel);
                }
            });
        }
    }

    private void report(Source source, String text) {
        ui(() -> {
            problems.put(source, text);
            problem.set(problems.values().stream().filter(s -> !s.isEmpty()).collect(Collectors.joining(" ")));
        });
    }

    private void ui(Runnable change) {
        if (!closed) {
            run.ui().execute(change);
        }
    }

    private List<DeviceChoice> audioChoices(Direction direction) {
        List<DeviceChoice> choices = new ArrayList<>(List.of(DeviceChoice.systemDefault()));
        try {
            audioDevices.list(direction).forEach(d -> choices.add(new DeviceChoice(Optional.of(d.name()), d.description())));
        } catch (RuntimeException e) {
            log.warn("Listing the {} devices failed", direction, e);
        }
        return choices;
    }

    private List<DeviceChoice> cameraChoices() {
        List<DeviceChoice> choices = new ArrayList<>(List.of(DeviceChoice.noCamera()));
        try {
            for (Camera c : client.calls().cameraList()) {
                choices.add(new DeviceChoice(Optional.of(c.name()), c.name()));
            }
        } catch (RuntimeException e) {
            log.warn("Listing the cameras failed", e);
        }
        return choices;
    }

    /** Shows a new listing, keeping the choice (marked as not connected when it is not listed). */
    private static void listed(ObservableList<DeviceChoice> list, List<DeviceChoice> listing,
            ObjectProperty<DeviceChoice> chosen, Optional<String> name) {
        list.setAll(listing);
        chosen.set(choice(list, name, listing.getFirst()));
    }

    /** The entry of {@code list} named {@code name} (added as missing if it is not there); {@code none} for no name. */
    private static DeviceChoice choice(ObservableList<DeviceChoice> list, Optional<String> name, DeviceChoice none) {
        if (name.isEmpty()) {
            return none;
        }
        return list.stream().filter(c -> c.name().equals(name)).findFirst().orElseGet(() -> {
            DeviceChoice missing = DeviceChoice.missing(name.get());
            list.add(missing);
            return missing;
        });
    }
}
