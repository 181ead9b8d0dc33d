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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The caller's devices and everybody's public keys. Uploading keys or deleting a device tells the user's contacts
 * (and the user's other devices) {@code keys.changed}; a device's identity key never changes once uploaded.
 * Devices unused for long are deleted by a chore ({@link #expireUnusedSince}). Thread-safe.
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
            return delete(c, d.id(), d.userId(), revoked);
        });
        notifier.sessionsRevoked(revoked);
        keysChanged(p.userId(), audience);
    }

    /**
     * Deletes every device that has not connected since {@code cutoff}, has no session used since then and is not
     * {@code connected} now (a connection can outlast the cutoff), with its sessions, keys and inbox, one device per
     * transaction; returns how many. Run from the hourly chore.
     */
    public int expireUnusedSince(long cutoff, Predicate<String> connected) {
        int deleted = 0;
        for (DeviceRepository.Owned stale : db.read(c -> devices.unusedSince(c, cutoff))) {
            if (connected.test(stale.deviceId())) {
                continue;
            }
            List<String> revoked = new ArrayList<>();
            Optional<List<String>> audience = db.write(c -> {
                revoked.clear();
                boolean stillUnused = devices.isUnusedSince(c, stale.deviceId(), cutoff);
                return stillUnused ? Optional.of(delete(c, stale.deviceId(), stale.userId(), revoked)) : Optional.empty();
            });
            if (audience.isPresent()) {
                deleted++;
                notifier.sessionsRevoked(revoked);
                keysChanged(stale.userId(), audience.get());
            }
        }
        return deleted;
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

    /** A user's device keys, for the user, contacts, and the recipient of a pending request from the user. */
    public UserKeys keysOf(Principal p, String userId) {
        return db.read(c -> {
            if (accounts.byId(c, userId).isEmpty()) {
                throw new ProtocolException(ErrorCode.USER_NOT_FOUND, "No such user");
            }
            if (!relationships.mayFetchKeys(c, p.userId(), userId)) {
                throw new ProtocolException(ErrorCode.FORBIDDEN,
                        "Only contacts, and users this user asked to be contacts, may fetch these keys");
            }
            return new UserKeys(userId, devices.listForUser(c, userId).stream().filter(DeviceRecord::hasKeys)
                    .map(DeviceRecord::keys).toList());
        });
    }

    /** Deletes a device in the caller's transaction; collects its sessions and returns the owner's contacts. */
    private List<String> delete(Connection c, String deviceId, String userId, List<String> revokedOut)
            throws SQLException {
        revokedOut.addAll(sessions.idsForDevice(c, deviceId));
        devices.delete(c, deviceId);
        return contacts.contactIds(c, userId);
    }

    private void keysChanged(String userId, List<String> contactIds) {
        ServerMessage event = new ServerMessage.KeysChanged(userId);
        notifier.toUsers(contactIds, event);
        notifier.toUser(userId, event);
    }
}
