package dev.confab.server.devices;

import dev.confab.protocol.ErrorCode;
import dev.confab.protocol.ProtocolException;
import dev.confab.protocol.rest.DeviceKeysUpload;
import dev.confab.protocol.rest.DeviceList;
import dev.confab.protocol.rest.UserKeys;
import dev.confab.protocol.ws.ServerMessage;
import dev.confab.server.accounts.AccountRepository;
import dev.confab.server.contacts.ContactRepository;
import dev.confab.server.contacts.Relationships;
import dev.confab.server.sessions.Principal;
import dev.confab.server.sessions.SessionService;
import dev.confab.server.storage.Database;
import dev.confab.server.ws.Notifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The caller's devices and everybody's public keys. Uploading keys or deleting a device tells the user's contacts
 * (and the user's other devices) {@code keys.changed}; a device's identity key never changes once uploaded.
 * Thread-safe.
 */
public final class DeviceService {
    private final Database db;
    private final DeviceRepository devices;
    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final Relationships relationships;
    private final SessionService sessions;
    private final Notifier notifier;

    public DeviceService(Database db, DeviceRepository devices, AccountRepository accounts, ContactRepository contacts,
            Relationships relationships, SessionService sessions, Notifier notifier) {
        this.db = db;
        this.devices = devices;
        this.accounts = accounts;
        this.contacts = contacts;
        this.relationships = relationships;
        this.sessions = sessions;
        this.notifier = notifier;
    }

    public DeviceList list(Principal p) {
        return new DeviceList(db.read(c -> devices.listForUser(c, p.userId())).stream().map(DeviceRecord::info).toList());
    }

    /** Deletes one of the caller's devices with its sessions, keys and inbox. */
    public void delete(Principal p, String deviceId) {
        List<String> revoked = new ArrayList<>();
        List<String> audience = db.write(c -> {
            revoked.clear();
            DeviceRecord d = devices.byId(c, deviceId).filter(x -> x.userId().equals(p.userId()))
                    .orElseThrow(() -> new ProtocolException(ErrorCode.NOT_FOUND, "No such device"));
            revoked.addAll(sessions.idsForDevice(c, d.id()));
            devices.delete(c, d.id());
            return contacts.contactIds(c, p.userId());
        });
        notifier.sessionsRevoked(revoked);
        keysChanged(p.userId(), audience);
    }

    /** Stores the calling device's keys after checking the signature. */
    public void upload(Principal p, DeviceKeysUpload upload) {
        KeyCheck.Keys keys = KeyCheck.verify(upload);
        Optional<List<String>> audience = db.write(c -> {
            DeviceRecord d = devices.byId(c, p.deviceId())
                    .orElseThrow(() -> new ProtocolException(ErrorCode.UNAUTHORIZED, "This device was deleted"));
            if (d.identityKey() != null && !Arrays.equals(d.identityKey(), keys.identity())) {
                throw new ProtocolException(ErrorCode.IDENTITY_KEY_IMMUTABLE,
                        "This device has a different identity key; sign in as a new device to use a new one");
            }
            if (d.hasKeys() && Arrays.equals(d.agreementKey(), keys.agreement())
                    && Arrays.equals(d.agreementKeySignature(), keys.signature())) {
                return Optional.<List<String>>empty();
            }
            devices.setKeys(c, d.id(), keys.identity(), keys.agreement(), keys.signature());
            return Optional.of(contacts.contactIds(c, p.userId()));
        });
        audience.ifPresent(contactIds -> keysChanged(p.userId(), contactIds));
    }

    /** A user's device keys, for the user, contacts, and the two sides of a pending request. */
    public UserKeys keysOf(Principal p, String userId) {
        return db.read(c -> {
            if (accounts.byId(c, userId).isEmpty()) {
                throw new ProtocolException(ErrorCode.USER_NOT_FOUND, "No such user");
            }
            if (!relationships.mayFetchKeys(c, p.userId(), userId)) {
                throw new ProtocolException(ErrorCode.FORBIDDEN,
                        "Only contacts and users with a pending request may fetch these keys");
            }
            return new UserKeys(userId, devices.listForUser(c, userId).stream().filter(DeviceRecord::hasKeys)
                    .map(DeviceRecord::keys).toList());
        });
    }

    private void keysChanged(String userId, List<String> contactIds) {
        ServerMessage event = new ServerMessage.KeysChanged(userId);
        notifier.toUsers(contactIds, event);
        notifier.toUser(userId, event);
    }
}
