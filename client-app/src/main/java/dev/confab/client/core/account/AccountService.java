package dev.confab.client.core.account;

import dev.confab.client.core.ClientException;
import dev.confab.client.core.NotSignedInException;
import dev.confab.client.core.api.ApiException;
import dev.confab.client.core.api.ConfabApi;
import dev.confab.client.core.internal.ListenerSet;
import dev.confab.client.core.keys.KeyDirectory;
import dev.confab.client.core.store.LocalStore;
import dev.confab.crypto.identity.DeviceIdentity;
import dev.confab.crypto.identity.PublicDeviceKeys;
import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.rest.Account;
import dev.confab.protocol.rest.ChangePasswordRequest;
import dev.confab.protocol.rest.DeleteAccountRequest;
import dev.confab.protocol.rest.DeviceInfo;
import dev.confab.protocol.rest.DeviceKeysUpload;
import dev.confab.protocol.rest.LoginRequest;
import dev.confab.protocol.rest.LoginResponse;
import dev.confab.protocol.rest.RegisterRequest;
import dev.confab.protocol.rest.SessionInfo;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The profile's account: register, sign in (making this device's identity keys on its first sign-in and
 * uploading them), sign out, change the password, delete the account, and list or revoke sessions and devices.
 *
 * <p>A profile belongs to one user: signing in as someone else on it is refused, so one user's keys and
 * messages never mix with another's. Signing in again on the same profile keeps the same device (its keys and
 * undelivered messages).
 *
 * <p>Methods block on the network; call them off the UI thread. Thread-safe.
 */
public final class AccountService {
    private final LocalStore store;
    private final ProfileSettings settings;
    private final ConfabApi api;
    private final SecureRandom random;
    private final KeyDirectory keys;
    private final ListenerSet<AccountListener> listeners;
    private final String deviceName;
    private volatile AccountState current;
    private volatile DeviceIdentity identity;

    public AccountService(LocalStore store, ConfabApi api, SecureRandom random, KeyDirectory keys,
            ListenerSet<AccountListener> listeners, String deviceName) {
        this.store = Objects.requireNonNull(store, "store");
        this.settings = new ProfileSettings(store);
        this.api = Objects.requireNonNull(api, "api");
        this.random = Objects.requireNonNull(random, "random");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.listeners = Objects.requireNonNull(listeners, "listeners");
        this.deviceName = Objects.requireNonNull(deviceName, "deviceName");
        restore();
    }

    public void addListener(AccountListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AccountListener listener) {
        listeners.remove(listener);
    }

    public ProfileSettings settings() {
        return settings;
    }

    /** Who is signed in, if anyone. */
    public Optional<AccountState> current() {
        return Optional.ofNullable(current);
    }

    public boolean signedIn() {
        return current != null;
    }

    /** Who is signed in. @throws NotSignedInException if nobody */
    public AccountState require() {
        AccountState account = current;
        if (account == null) {
            throw new NotSignedInException();
        }
        return account;
    }

    /** This device's identity keys. @throws NotSignedInException before the first sign-in */
    public DeviceIdentity identity() {
        DeviceIdentity id = identity;
        if (id == null) {
            throw new NotSignedInException();
        }
        return id;
    }

    /** The user this profile belongs to (signed in or not), if it ever signed in. */
    public Optional<String> profileOwner() {
        return settings.username();
    }

    /** Creates an account, then signs in to it. */
    public synchronized AccountState register(String username, String password, String displayName) {
        checkOwner(username);
        api.register(new RegisterRequest(username, password, displayName));
        return login(username, password);
    }

    /** Signs in, reusing this profile's device when it has one. */
    public synchronized AccountState login(String username, String password) {
        checkOwner(username);
        String knownDevice = settings.get(ProfileSettings.DEVICE_ID);
        LoginResponse response;
        try {
            response = api.login(new LoginRequest(username, password, deviceName, knownDevice));
        } catch (ApiException e) {
            if (knownDevice == null || !(e.is(ErrorCode.NOT_FOUND) || e.is(ErrorCode.INVALID_FIELD) || e.is(ErrorCode.FORBIDDEN))) {
                throw e;
            }
            // This device was removed from the account: sign in as a new device with new keys.
            response = api.login(new LoginRequest(username, password, deviceName, null));
        }
        boolean newDevice = !response.deviceId().equals(knownDevice);
        DeviceIdentity id = newDevice ? null : loadIdentity();
        if (id == null) {
            id = DeviceIdentity.generate(random);
        }
        DeviceIdentity made = id;
        LoginResponse session = response;
        store.write(c -> {
            settings.put(ProfileSettings.SERVER_URL, api.address());
            settings.put(ProfileSettings.USER_ID, session.userId());
            settings.put(ProfileSettings.USERNAME, session.username());
            settings.put(ProfileSettings.DEVICE_ID, session.deviceId());
            settings.put(ProfileSettings.SESSION_ID, session.sessionId());
            settings.put(ProfileSettings.TOKEN, session.token());
            settings.put(ProfileSettings.IDENTITY_PRIVATE, b64(made.identity().privateKeyBytes()));
            settings.put(ProfileSettings.AGREEMENT_PRIVATE, b64(made.agreement().privateKeyBytes()));
            return null;
        });
        api.token(session.token());
        identity = made;
        AccountState account = new AccountState(session.userId(), session.username(), session.deviceId(),
                session.sessionId(), api.address());
        current = account;
        uploadKeys(made);
        keys.refresh(account.userId());
        listeners.fire(l -> l.onSignedIn(account));
        return account;
    }

    /** Signs out on the server (when it answers) and here; the device and its keys stay for the next sign-in. */
    public synchronized void logout() {
        if (current == null) {
            throw new NotSignedInException("Not signed in.");
        }
        try {
            api.logout();
        } catch (ApiException e) {
            if (!e.is(ErrorCode.UNAUTHORIZED)) {
                throw e;
            }
        }
        forget(null);
    }

    /** The server ended this session (revoked, expired): forget the token. */
    public synchronized void sessionEnded(String reason) {
        if (current != null) {
            forget(reason);
        }
    }

    /** Changes the password; the server signs out every other session. */
    public void changePassword(String currentPassword, String newPassword) {
        require();
        api.changePassword(new ChangePasswordRequest(currentPassword, newPassword));
    }

    /** Deletes the account and everything of it on the server, and wipes this profile's store. */
    public synchronized void deleteAccount(String password) {
        require();
        api.deleteAccount(new DeleteAccountRequest(password));
        store.wipe();
        api.token(null);
        identity = null;
        current = null;
        listeners.fire(l -> l.onSignedOut("The account was deleted."));
    }

    public Account me() {
        require();
        return api.me();
    }

    public List<SessionInfo> sessions() {
        require();
        return api.sessions().sessions();
    }

    public void revokeSession(String sessionId) {
        require();
        api.revokeSession(sessionId);
    }

    public List<DeviceInfo> devices() {
        require();
        return api.devices().devices();
    }

    public void removeDevice(String deviceId) {
        AccountState account = require();
        if (deviceId.equals(account.deviceId())) {
            throw new ClientException("That is this device; use 'logout' (or 'delete-account') instead.");
        }
        api.removeDevice(deviceId);
    }

    private void uploadKeys(DeviceIdentity id) {
        PublicDeviceKeys pub = id.publicKeys();
        try {
            api.uploadKeys(new DeviceKeysUpload(pub.identityKeyBase64(), pub.agreementKeyBase64(), pub.agreementKeySignatureBase64()));
        } catch (ApiException e) {
            if (e.is(ErrorCode.IDENTITY_KEY_IMMUTABLE)) {
                throw new ClientException("The server holds a different identity key for this device than this profile does."
                        + " Remove this device from another signed-in device ('devices remove'), or use a new profile.");
            }
            throw e;
        }
    }

    private void forget(String reason) {
        store.write(c -> {
            settings.put(ProfileSettings.TOKEN, null);
            settings.put(ProfileSettings.SESSION_ID, null);
            return null;
        });
        api.token(null);
        current = null;
        listeners.fire(l -> l.onSignedOut(reason));
    }

    private void checkOwner(String username) {
        String owner = settings.get(ProfileSettings.USERNAME);
        if (owner != null && !owner.equalsIgnoreCase(username.strip())) {
            throw new ClientException("This profile belongs to '" + owner + "'. Use another profile for '" + username
                    + "' (--profile NAME).");
        }
    }

    private void restore() {
        String token = settings.get(ProfileSettings.TOKEN);
        identity = loadIdentity();
        if (token == null || identity == null) {
            return;
        }
        api.token(token);
        current = new AccountState(settings.get(ProfileSettings.USER_ID), settings.get(ProfileSettings.USERNAME),
                settings.get(ProfileSettings.DEVICE_ID), settings.get(ProfileSettings.SESSION_ID),
                settings.serverUrl().orElse(api.address()));
    }

    private DeviceIdentity loadIdentity() {
        String identityPrivate = settings.get(ProfileSettings.IDENTITY_PRIVATE);
        String agreementPrivate = settings.get(ProfileSettings.AGREEMENT_PRIVATE);
        if (identityPrivate == null || agreementPrivate == null) {
            return null;
        }
        return DeviceIdentity.restore(Base64.getDecoder().decode(identityPrivate), Base64.getDecoder().decode(agreementPrivate));
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
