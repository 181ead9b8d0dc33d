package dev.confab.client.ui.signin;

import dev.confab.client.core.ClientConfig;
import dev.confab.client.core.ConfabClient;
import dev.confab.client.ui.app.DesktopProfiles;
import dev.confab.client.ui.fx.Problems;
import dev.confab.client.ui.fx.UiExecutors;
import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The sign-in window's logic: the server (the local one unless changed), user name, password and, to register, a
 * display name and the password again; {@link #submit()} opens that user's profile, registers or signs in on a
 * background thread while {@link #busyProperty() busy} shows progress, and hands the signed-in client on — or says
 * what went wrong (wrong password, server unreachable, user name taken) and keeps what was typed.
 *
 * <p>Thread contract: properties and actions on the UI thread ({@link UiExecutors#ui()}); the network work runs on
 * {@link UiExecutors#background()}.
 */
public final class SignInViewModel {
    /** Register a new account, or sign in to an existing one. */
    public enum Mode { SIGN_IN, REGISTER }

    private static final int MIN_PASSWORD = 10;

    private final DesktopProfiles profiles;
    private final UiExecutors run;
    private final Consumer<ConfabClient> signedIn;
    private final StringProperty server = new SimpleStringProperty(this, "server", "");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty displayName = new SimpleStringProperty(this, "displayName", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty repeatPassword = new SimpleStringProperty(this, "repeatPassword", "");
    private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(this, "mode", Mode.SIGN_IN);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper canSubmit = new ReadOnlyBooleanWrapper(this, "canSubmit");

    /**
     * @param defaultServer the server proposed when no one signed in here before
     * @param signedIn gets the started, signed-in client, on the UI thread; it owns the client from then on
     */
    public SignInViewModel(DesktopProfiles profiles, String defaultServer, UiExecutors run,
            Consumer<ConfabClient> signedIn) {
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.run = Objects.requireNonNull(run, "run");
        this.signedIn = Objects.requireNonNull(signedIn, "signedIn");
        server.set(defaultServer == null ? ClientConfig.DEFAULT_SERVER : defaultServer);
        profiles.last().ifPresent(last -> {
            server.set(last.serverUrl());
            username.set(last.username());
        });
        BooleanBinding filled = Bindings.createBooleanBinding(
                () -> !server.get().isBlank() && !username.get().isBlank() && !password.get().isEmpty(),
                server, username, password);
        canSubmit.bind(filled.and(busy.not()));
        mode.addListener((_, _, _) -> problem.set(""));
    }

    public StringProperty serverProperty() {
        return server;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty repeatPasswordProperty() {
        return repeatPassword;
    }

    public ObjectProperty<Mode> modeProperty() {
        return mode;
    }

    /** While the profile opens and the server answers. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    /** What is happening while busy ("Connecting to 127.0.0.1:8470…"). */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why the last attempt failed, as a sentence; empty when there is nothing to say. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canSubmitProperty() {
        return canSubmit.getReadOnlyProperty();
    }

    /** Shows {@code message} as the problem (the app could not open the last account by itself). UI thread. */
    public void showProblem(String message) {
        problem.set(message);
    }

    /** Registers or signs in with what was typed. Does nothing while busy or incomplete. UI thread. */
    public void submit() {
        if (!canSubmit.get()) {
            return;
        }
        String serverUrl = server.get().strip();
        String user = username.get().strip();
        String secret = password.get();
        Mode how = mode.get();
        String local = check(serverUrl, user, secret, how);
        if (local != null) {
            problem.set(local);
            return;
        }
        problem.set("");
        progress.set((how == Mode.REGISTER ? "Creating your account on " : "Signing in to ") + hostOf(serverUrl) + "…");
        busy.set(true);
        String name = displayName.get().strip();
        run.background().execute(() -> attempt(serverUrl, user, secret, how, name.isEmpty() ? null : name));
    }

    private void attempt(String serverUrl, String user, String secret, Mode how, String name) {
        ConfabClient client = null;
        try {
            client = profiles.open(user, serverUrl);
            if (how == Mode.REGISTER) {
                client.account().register(user, secret, name);
            } else {
                client.account().login(user, secret);
            }
            profiles.remember(user, client.serverUrl());
            client.start();
            ConfabClient ready = client;
            run.ui().execute(() -> {
                busy.set(false);
                progress.set("");
                password.set("");
                repeatPassword.set("");
                signedIn.accept(ready);
            });
        } catch (RuntimeException e) {
            if (client != null) {
                client.close();
            }
            String what = how == Mode.REGISTER ? "Registering" : "Signing in";
            String message = Problems.message(what, e);
            run.ui().execute(() -> {
                busy.set(false);
                progress.set("");
                problem.set(message);
            });
        }
    }

    /** What is wrong with the form before asking the server, or null. */
    private String check(String serverUrl, String user, String secret, Mode how) {
        if (hostOf(serverUrl) == null) {
            return "The server address should look like http://127.0.0.1:8470 or https://chat.example.org.";
        }
        if (how == Mode.REGISTER) {
            if (secret.length() < MIN_PASSWORD) {
                return "Choose a password of at least " + MIN_PASSWORD + " characters.";
            }
            if (!secret.equals(repeatPassword.get())) {
                return "The two passwords differ. Type the same password twice.";
            }
        }
        return user.matches("[A-Za-z0-9._-]{1,64}") && !user.startsWith(".") ? null
                : "A user name is 1-64 letters, digits, '.', '_' or '-'.";
    }

    private static String hostOf(String serverUrl) {
        try {
            URI uri = URI.create(serverUrl);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            return web && uri.getHost() != null ? uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
