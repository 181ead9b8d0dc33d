package dev.confab.client.core.account;

import dev.confab.client.core.store.LocalStore;
import java.util.Objects;
import java.util.Optional;

/**
 * Typed access to the profile's settings in the encrypted store: who is signed in, the session token, this
 * device's private keys, the remembered server and presence. Thread-safe (the store is).
 */
public final class ProfileSettings {
    static final String SERVER_URL = "server_url";
    static final String USER_ID = "user_id";
    static final String USERNAME = "username";
    static final String DEVICE_ID = "device_id";
    static final String SESSION_ID = "session_id";
    static final String TOKEN = "session_token";
    static final String IDENTITY_PRIVATE = "identity_private";
    static final String AGREEMENT_PRIVATE = "agreement_private";
    static final String PRESENCE = "presence";

    private final LocalStore store;

    public ProfileSettings(LocalStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The server this profile last signed in to, if any. */
    public Optional<String> serverUrl() {
        return store.setting(SERVER_URL);
    }

    public Optional<String> userId() {
        return store.setting(USER_ID);
    }

    public Optional<String> username() {
        return store.setting(USERNAME);
    }

    public Optional<String> deviceId() {
        return store.setting(DEVICE_ID);
    }

    public Optional<String> token() {
        return store.setting(TOKEN);
    }

    /** The presence the user chose for this device (online, away, busy), if any. */
    public Optional<String> presence() {
        return store.setting(PRESENCE);
    }

    public void presence(String state) {
        store.putSetting(PRESENCE, state);
    }

    String get(String name) {
        return store.setting(name).orElse(null);
    }

    void put(String name, String value) {
        store.putSetting(name, value);
    }
}
